package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.biztek.support.policy.SeverityTerms;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.sla.ClockStopReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaDeadlineChanged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;

/**
 * Builds the SLA events of a clock. Every event's envelope names the clock's current severity, the
 * policy version, openedAt and dueAt; {@code occurredAt} is the instant the reported fact took effect
 * (a breach at its dueAt, a warning at its threshold instant, a met at the response), so that the same
 * fact always yields the same event.
 */
final class SlaEventFactory {

    private final String producer;

    SlaEventFactory(String producer) {
        this.producer = producer;
    }

    SlaEvent started(SlaClock clock, SlaPolicy policy, Instant occurredAt, String causeEventId) {
        SeverityTerms terms = policy.terms(clock.severity());
        return envelope(clock, EventIds.of(clock.ticketId(), "started", causeEventId), occurredAt,
                new SlaClockStarted(terms.targetMinutes(), terms.pagesAroundTheClock()));
    }

    SlaEvent deadlineChanged(SlaClock clock, SlaPolicy policy, Instant occurredAt, String causeEventId,
                             no.biztek.support.policy.Severity previousSeverity, Instant previousDueAt,
                             SeverityChangeReason reason) {
        return envelope(clock, EventIds.of(clock.ticketId(), "deadline-changed", causeEventId), occurredAt,
                new SlaDeadlineChanged(avro(previousSeverity), millis(previousDueAt),
                        policy.terms(clock.severity()).targetMinutes(), reason, reason.name()));
    }

    SlaEvent warning(SlaClock clock, SlaPolicy policy, SlaPolicy.Warning warning) {
        long elapsed = minutes(policy.calendar().businessTimeBetween(clock.openedAt(), warning.dueAt()));
        return envelope(clock, EventIds.of(clock.ticketId(), "warning-" + warning.thresholdPercent()),
                warning.dueAt(), new SlaWarning(warning.thresholdPercent(), elapsed,
                        policy.terms(clock.severity()).targetMinutes()));
    }

    SlaEvent breached(SlaClock clock, SlaPolicy policy) {
        return envelope(clock, EventIds.of(clock.ticketId(), "breached"), clock.dueAt(),
                new SlaBreached(policy.terms(clock.severity()).targetMinutes()));
    }

    SlaEvent met(SlaClock clock, SlaPolicy policy, Instant respondedAt, String consultant) {
        long used = minutes(policy.calendar().businessTimeBetween(clock.openedAt(), respondedAt));
        return envelope(clock, EventIds.of(clock.ticketId(), "met"), respondedAt,
                new SlaMet(millis(respondedAt), consultant, used, policy.terms(clock.severity()).targetMinutes()));
    }

    SlaEvent stopped(SlaClock clock, SlaPolicy policy, Instant resolvedAt, String causeEventId) {
        long elapsed = minutes(policy.calendar().businessTimeBetween(clock.openedAt(), resolvedAt));
        return envelope(clock, EventIds.of(clock.ticketId(), "stopped", causeEventId), resolvedAt,
                new SlaClockStopped(ClockStopReason.RESOLVED_WITHOUT_RESPONSE, elapsed));
    }

    private SlaEvent envelope(SlaClock clock, String eventId, Instant occurredAt, Object payload) {
        return SlaEvent.newBuilder()
                .setEventId(eventId)
                .setTicketId(clock.ticketId())
                .setCustomerId(clock.customerId())
                .setOccurredAt(millis(occurredAt))
                .setProducer(producer)
                .setSeverity(avro(clock.severity()))
                .setPolicyVersion(clock.policyVersion())
                .setOpenedAt(millis(clock.openedAt()))
                .setDueAt(millis(clock.dueAt()))
                .setPayload(payload)
                .build();
    }

    /** Whole business minutes, never negative (a response stamped before the opening counts as 0). */
    static long minutes(Duration businessTime) {
        return Math.max(0, businessTime.toMinutes());
    }

    static Severity avro(no.biztek.support.policy.Severity severity) {
        return Severity.valueOf(severity.name());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
