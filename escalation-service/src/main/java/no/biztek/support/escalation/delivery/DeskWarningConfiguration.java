package no.biztek.support.escalation.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.paging.PagingProperties;

/** The support desk's SLA warnings, and the breaches that page nobody, posted through the webhook channel. */
@Configuration(proxyBeanMethods = false)
class DeskWarningConfiguration {

    @Bean
    DeskWarningListener deskWarningListener(DeliveryProperties properties, PagingProperties paging,
                                            WebhookChannel webhook, RetryTemplate deliveryRetry,
                                            MeterRegistry registry) {
        return new DeskWarningListener(properties, paging.breachLevels(), paging.schedule().zone(), webhook,
                deliveryRetry, registry);
    }
}
