package no.biztek.support.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;

/** The time source and the support terms. */
@Configuration(proxyBeanMethods = false)
class ServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PolicyHistory policyHistory(PolicyProperties properties) {
        return properties.file() == null ? PolicyFile.defaultPolicy() : PolicyFile.fromFile(properties.file());
    }
}
