package no.biztek.support.notification.stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;

/**
 * What the pipeline's processors need besides their stores.
 *
 * @param clock             the time source of every decision and timer
 * @param plans             the support terms of every plan (keep-informed cadence, business calendar); a ticket
 *                          is measured under its plan, the default plan when it has none or one this file lacks
 * @param awaitingGrace     how long a notification waits for its ticket's TicketOpened or its customer's
 *                          directory entry
 * @param dedupRetention    how long a cause's eventId is remembered to tell it only once
 * @param maxCauseAge       a cause that occurred longer ago than this is not told (dropped, counted, logged)
 * @param checkInterval     how often (wall clock) due reminders and waiting notifications are looked at
 * @param service           the producing service's name (events, dead-letter headers)
 * @param deadLetterMetrics counts records sent to dead-letter topics ({@code support_dead_letters_total{topic}})
 * @param metrics           the pipeline's own metrics
 */
public record PipelineSettings(Clock clock, PlanCatalogue plans, Duration awaitingGrace, Duration dedupRetention,
                               Duration maxCauseAge, Duration checkInterval, String service,
                               DeadLetterMetrics deadLetterMetrics, PipelineMetrics metrics) {

    public PipelineSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(awaitingGrace, "awaitingGrace");
        Objects.requireNonNull(dedupRetention, "dedupRetention");
        Objects.requireNonNull(maxCauseAge, "maxCauseAge");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deadLetterMetrics, "deadLetterMetrics");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Settings of a policy with the default plan only. */
    public PipelineSettings(Clock clock, PolicyHistory policies, Duration awaitingGrace, Duration dedupRetention,
                            Duration maxCauseAge, Duration checkInterval, String service,
                            DeadLetterMetrics deadLetterMetrics, PipelineMetrics metrics) {
        this(clock, new PlanCatalogue(List.of(policies)), awaitingGrace, dedupRetention, maxCauseAge, checkInterval,
                service, deadLetterMetrics, metrics);
    }

    /** The default plan's versions. */
    public PolicyHistory policies() {
        return plans.defaultPlan();
    }

    /** Whether the policy has the plan; null names the default plan. */
    public boolean knowsPlan(String plan) {
        return plan == null || plans.plan(plan).isPresent();
    }

    /** The default plan's version in force at the instant. */
    public SlaPolicy policyAt(Instant instant) {
        return policyAt(null, instant);
    }

    /**
     * The plan's version in force at the instant (a ticket is measured under its plan's version in force when
     * opened); the default plan's for a null or unknown plan.
     */
    public SlaPolicy policyAt(String plan, Instant instant) {
        PolicyHistory history = plan == null ? plans.defaultPlan() : plans.plan(plan).orElseGet(plans::defaultPlan);
        SlaPolicy earliest = history.versions().get(0);
        return instant.isBefore(earliest.effectiveFrom()) ? earliest : history.inForceAt(instant);
    }

    /** The version (of any plan) with the id, or the default plan's in force now when the id is no longer known. */
    public SlaPolicy policy(String id) {
        return plans.versionById(id).orElseGet(() -> policyAt(clock.instant()));
    }
}
