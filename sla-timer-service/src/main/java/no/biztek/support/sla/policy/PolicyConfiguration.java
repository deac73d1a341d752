package no.biztek.support.sla.policy;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;

/** The policy history and the clock every SLA computation uses. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyHistory policyHistory(PolicyProperties properties) {
        PolicyHistory history = properties.file() == null ? PolicyFile.defaultPolicy()
                : PolicyFile.fromFile(properties.file());
        log.info("SLA policy {}: versions {}", properties.file() == null ? "built-in" : properties.file(),
                history.versions().stream().map(v -> v.id() + " from " + v.effectiveFrom()).toList());
        return history;
    }

    /** The wall clock of the service: when timers are due, what "now" is for previews and status. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
