package no.biztek.support.notification.stage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Metrics of the Streams pipeline: {@code support_notifications_stale_causes_total}, the vendor escalation
 * events dropped because they are older than {@code support.notification.max-cause-age} (an old history
 * replayed, e.g. after an offset reset), so that they are not told again once their dedup memory is gone.
 */
public final class PipelineMetrics {

    private final Counter staleCauses;

    public PipelineMetrics(MeterRegistry registry) {
        this.staleCauses = Counter.builder("support.notifications.stale.causes")
                .description("Vendor escalation events not told because they are older than the maximum cause age")
                .register(registry);
    }

    public void staleCause() {
        staleCauses.increment();
    }
}
