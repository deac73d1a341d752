package no.biztek.support.policy.spring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;

/**
 * The service's support terms, read once at start-up from {@code support.policy.file}, or the built-in
 * published terms: every plan as the {@link PlanCatalogue}, and the default plan as the {@link PolicyHistory}
 * (what a service that knows no plans measures against). A bad file fails start-up with the file and the
 * field named.
 */
@AutoConfiguration
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PlanCatalogue planCatalogue(PolicyProperties properties) {
        PlanCatalogue catalogue = properties.file() == null ? PolicyFile.defaultCatalogue()
                : PolicyFile.catalogueFromFile(properties.file());
        log.info("Support policy {}: plans {}", properties.file() == null ? "built-in" : properties.file(),
                versionsByPlan(catalogue));
        return catalogue;
    }

    /** The default plan of the catalogue; a service that defines its own should define the catalogue too. */
    @Bean
    @ConditionalOnMissingBean
    PolicyHistory policyHistory(PlanCatalogue catalogue) {
        return catalogue.defaultPlan();
    }

    private static Map<String, List<String>> versionsByPlan(PlanCatalogue catalogue) {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        for (String plan : catalogue.planNames()) {
            versions.put(plan, catalogue.plan(plan).orElseThrow().versions().stream()
                    .map(v -> v.id() + " from " + v.effectiveFrom()).toList());
        }
        return versions;
    }
}
