package no.biztek.support.policy.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;

/**
 * The service's {@link PolicyHistory}: read once at start-up from {@code support.policy.file}, or the built-in
 * published terms. A bad file fails start-up with the file and the field named.
 */
@AutoConfiguration
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PolicyHistory policyHistory(PolicyProperties properties) {
        PolicyHistory history = properties.file() == null ? PolicyFile.defaultPolicy()
                : PolicyFile.fromFile(properties.file());
        log.info("Support policy {}: versions {}", properties.file() == null ? "built-in" : properties.file(),
                history.versions().stream().map(v -> v.id() + " from " + v.effectiveFrom()).toList());
        return history;
    }
}
