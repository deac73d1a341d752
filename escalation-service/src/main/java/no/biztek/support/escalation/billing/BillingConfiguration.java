package no.biztek.support.escalation.billing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    /** {@code support_billable_minutes_total{vendor}}: billed minutes of the time entries processed. */
    @Bean
    BillingMetrics billingMetrics(MeterRegistry registry) {
        return (vendor, billedMinutes) -> Counter.builder("support.billable.minutes")
                .description("Billed minutes of vendor escalation time entries")
                .tag("vendor", vendor.name()).register(registry).increment(billedMinutes);
    }
}
