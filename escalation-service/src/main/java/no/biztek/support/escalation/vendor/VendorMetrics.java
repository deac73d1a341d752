package no.biztek.support.escalation.vendor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import no.biztek.support.schemas.common.Vendor;

/** {@code support_vendor_escalations_open{vendor}}: open vendor escalations, from the escalation book. */
@Configuration(proxyBeanMethods = false)
class VendorMetrics {

    @Bean
    MeterBinder openVendorEscalations(VendorEscalationBook book) {
        return (MeterRegistry registry) -> {
            for (Vendor vendor : Vendor.values()) {
                Gauge.builder("support.vendor.escalations.open", book, b -> b.openCount(vendor))
                        .description("Vendor escalations not yet closed")
                        .tag("vendor", vendor.name())
                        .register(registry);
            }
        };
    }
}
