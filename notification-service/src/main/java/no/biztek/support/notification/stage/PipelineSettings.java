package no.biztek.support.notification.stage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;

/**
 * What the pipeline's processors need besides their stores.
 *
 * @param clock             the time source of every decision and timer
 * @param policies          the support terms (keep-informed cadence, business calendar)
 * @param awaitingGrace     how long a notification waits for its ticket's TicketOpened or its customer's
 *                          directory entry
 * @param dedupRetention    how long a cause's eventId is remembered to tell it only once
 * @param maxCauseAge       a cause that occurred longer ago than this is not told (dropped, counted, logged)
 * @param checkInterval     how often (wall clock) due reminders and waiting notifications are looked at
 * @param service           the producing service's name (events, dead-letter headers)
 * @param deadLetterMetrics counts records sent to dead-letter topics ({@code support_dead_letters_total{topic}})
 * @param metrics           the pipeline's own metrics
 */
public record PipelineSettings(Clock clock, PolicyHistory policies, Duration awaitingGrace, Duration dedupRetention,
                               Duration maxCauseAge, Duration checkInterval, String service,
                               DeadLetterMetrics deadLetterMetrics, PipelineMetrics metrics) {

    public PipelineSettings {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(awaitingGrace, "awaitingGrace");
        Objects.requireNonNull(dedupRetention, "dedupRetention");
        Objects.requireNonNull(maxCauseAge, "maxCauseAge");
        Objects.requireNonNull(checkInterval, "checkInterval");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deadLetterMetrics, "deadLetterMetrics");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** The policy version in force at the instant (a ticket is measured under the version in force when opened). */
    public SlaPolicy policyAt(Instant instant) {
        SlaPolicy earliest = policies.versions().get(0);
        return instant.isBefore(earliest.effectiveFrom()) ? earliest : policies.inForceAt(instant);
    }

    /** The version with the id, or the one in force now when the id is no longer known. */
    public SlaPolicy policy(String id) {
        return policies.byId(id).orElseGet(() -> policyAt(clock.instant()));
    }
}
