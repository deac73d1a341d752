package no.biztek.support.sla.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The wall clock of the service: when timers are due, what "now" is for previews and status. */
@Configuration(proxyBeanMethods = false)
class ServiceClock {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
