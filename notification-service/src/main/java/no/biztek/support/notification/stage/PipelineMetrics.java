package no.biztek.support.notification.stage;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Metrics of the Streams pipeline: {@code support_notifications_stale_causes_total}, the vendor escalation
 * events dropped because they are older than {@code support.notification.max-cause-age} (an old history
 * replayed, e.g. after an offset reset), so that they are not told again once their dedup memory is gone; and
 * {@code support_notifications_unknown_plans_total}, the tickets opened under a plan the policy file does not
 * have (they are kept informed under the default plan).
 */
public final class PipelineMetrics {

    private final Counter staleCauses;
    private final Counter unknownPlans;
    private final Set<String> unknownPlanNames = ConcurrentHashMap.newKeySet();

    public PipelineMetrics(MeterRegistry registry) {
        this.staleCauses = Counter.builder("support.notifications.stale.causes")
                .description("Vendor escalation events not told because they are older than the maximum cause age")
                .register(registry);
        this.unknownPlans = Counter.builder("support.notifications.unknown.plans")
                .description("Tickets opened under a plan the policy file does not have; the default plan measures them")
                .register(registry);
    }

    public void staleCause() {
        staleCauses.increment();
    }

    /** Counts a ticket of an unknown plan; true the first time the plan is seen (to log it once). */
    public boolean unknownPlan(String plan) {
        unknownPlans.increment();
        return unknownPlanNames.add(plan);
    }
}
