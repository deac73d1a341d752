package no.biztek.support.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * {@code support_notifications_sent_total{template}}, {@code support_notifications_failed_total} and
 * {@code support_notifications_delivery_retries_total} (transient failures that will be retried).
 */
public class DeliveryMetrics {

    private final MeterRegistry registry;
    private final Counter failed;
    private final Counter retries;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.failed = Counter.builder("support.notifications.failed")
                .description("Notifications given up: refused permanently or retries exhausted").register(registry);
        this.retries = Counter.builder("support.notifications.delivery.retries")
                .description("Transient delivery failures that are retried with back-off").register(registry);
        for (NotificationTemplate template : NotificationTemplate.values()) {
            sentCounter(template);
        }
    }

    void sent(NotificationTemplate template) {
        sentCounter(template).increment();
    }

    void failed() {
        failed.increment();
    }

    void retried() {
        retries.increment();
    }

    private Counter sentCounter(NotificationTemplate template) {
        return Counter.builder("support.notifications.sent").description("Notification mails accepted by the SMTP server")
                .tag("template", template.name()).register(registry);
    }
}
