package no.biztek.support.sla.clock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.sla.ClockStopReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaDeadlineChanged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;

/**
 * Builds the SLA events of a clock from a reading. Every envelope names the metric, plan, policy version,
 * openedAt, and the severity and deadline of the reading; {@code occurredAt} is the instant the reported
 * fact took effect (a breach at its dueAt, a warning at its threshold instant, a met at the response, a
 * correction when it was made).
 */
final class SlaEventFactory {

    static final String METRIC = "first-response";
    /**
     * The default plan, as events name it: by its name in the policy file. Events written before plans existed
     * read as plan "default" (the schema's default), which is this plan.
     */
    static final String PLAN = PlanCatalogue.DEFAULT_PLAN;

    private final String producer;

    SlaEventFactory(String producer) {
        this.producer = producer;
    }

    SlaEvent started(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, Fact cause) {
        return started(clock, metric, reading, policy, EventIds.of(clock.ticketId(), metric.id(), "started",
                cause.eventId()), cause.at());
    }

    /**
     * A stopped clock running again (a reopen, or a late fact that undoes the stop): as of the fact its deadline
     * holds since, with an id of the cause that restarted it, as a clock may stop and start again many times
     * while that fact stays the same.
     */
    SlaEvent restarted(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String causeEventId) {
        return started(clock, metric, reading, policy, EventIds.of(clock.ticketId(), metric.id(), "restarted",
                causeEventId), reading.measuredSince().at());
    }

    private SlaEvent started(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String eventId,
                             Instant occurredAt) {
        return envelope(clock, metric, policy, reading, eventId, occurredAt,
                new SlaClockStarted(targetMinutes(policy, metric, reading),
                        policy.terms(reading.severity()).pagesAroundTheClock()));
    }

    SlaEvent deadlineChanged(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy,
                             Announcement previous, String causeEventId, Instant occurredAt) {
        Fact change = reading.severityChange();
        String reasonCode = change == null || change.detail() == null ? SeverityChangeReason.OTHER.name()
                : change.detail();
        return envelope(clock, metric, policy, reading,
                EventIds.of(clock.ticketId(), metric.id(), "deadline-changed", causeEventId),
                occurredAt, SlaDeadlineChanged.newBuilder()
                        .setPreviousSeverity(avro(previous.severity()))
                        .setPreviousDueAt(millis(previous.dueAt()))
                        .setTargetMinutes(targetMinutes(policy, metric, reading))
                        .setReason(reasonOf(reasonCode))
                        .setReasonCode(reasonCode)
                        .build());
    }

    SlaEvent warning(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy,
                     SlaPolicy.Warning warning) {
        long elapsed = MetricTimeline.target(policy, metric, reading.severity()).toNanos() / 100
                * warning.thresholdPercent() / 60_000_000_000L;
        return envelope(clock, metric, policy, reading, EventIds.of(clock.ticketId(), metric.id(),
                        "warning-" + warning.thresholdPercent(), Long.toString(reading.dueAt().toEpochMilli())),
                warning.dueAt(),
                new SlaWarning(warning.thresholdPercent(), elapsed, targetMinutes(policy, metric, reading)));
    }

    SlaEvent breached(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String eventId) {
        return envelope(clock, metric, policy, reading, eventId, reading.dueAt(),
                new SlaBreached(targetMinutes(policy, metric, reading)));
    }

    /** For resolution, "respondedAt" is the resolution and the consultant unknown (TicketResolved names none). */
    SlaEvent met(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String eventId) {
        return envelope(clock, metric, policy, reading, eventId, reading.respondedAt(),
                new SlaMet(millis(reading.respondedAt()),
                        reading.respondedBy() == null ? ClockRules.UNKNOWN_CONSULTANT : reading.respondedBy(),
                        reading.businessMinutesUsed(), targetMinutes(policy, metric, reading)));
    }

    SlaEvent stopped(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String causeEventId) {
        return envelope(clock, metric, policy, reading, EventIds.of(clock.ticketId(), metric.id(), "stopped",
                        causeEventId),
                reading.pausedAt(), new SlaClockStopped(ClockStopReason.RESOLVED_WITHOUT_RESPONSE,
                        reading.businessMinutesUsed()));
    }

    /** The metric stopped counting for a hold's reason (from its heldAt); the envelope's dueAt is the one paused. */
    SlaEvent paused(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String causeEventId) {
        return envelope(clock, metric, policy, reading, EventIds.of(clock.ticketId(), metric.id(), "paused",
                        causeEventId), reading.pausedAt(),
                new SlaClockPaused(reading.pauseReason(), reading.businessMinutesUsed()));
    }

    /** The metric counts again after a hold; the envelope's dueAt is the deadline moved by the time it was held. */
    SlaEvent resumed(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String reason,
                     String causeEventId, Instant occurredAt) {
        return envelope(clock, metric, policy, reading, EventIds.of(clock.ticketId(), metric.id(), "resumed",
                        causeEventId), occurredAt, new SlaClockResumed(reason, reading.businessMinutesUsed()));
    }

    SlaEvent corrected(SlaClock clock, Metric metric, ClockReading reading, SlaPolicy policy, String eventId,
                       String supersededEventId, SlaCorrectionKind kind, String causeEventId, Instant now) {
        return envelope(clock, metric, policy, reading, eventId, now, SlaCorrected.newBuilder()
                .setSupersededEventId(supersededEventId)
                .setKind(kind)
                .setState(reading.isHeld() ? SlaClockState.PAUSED : SlaClockState.valueOf(reading.state().name()))
                .setCauseEventId(causeEventId)
                .setRespondedAt(reading.respondedAt() == null ? null : millis(reading.respondedAt()))
                .setBusinessMinutesUsed(reading.businessMinutesUsed())
                .build());
    }

    private SlaEvent envelope(SlaClock clock, Metric metric, SlaPolicy policy, ClockReading reading, String eventId,
                              Instant occurredAt, Object payload) {
        return SlaEvent.newBuilder()
                .setEventId(eventId)
                .setTicketId(clock.ticketId())
                .setCustomerId(clock.customerId())
                .setOccurredAt(millis(occurredAt))
                .setProducer(producer)
                .setSeverity(avro(reading.severity()))
                .setPolicyVersion(clock.policyVersion())
                .setOpenedAt(millis(clock.openedAt()))
                .setDueAt(millis(reading.dueAt()))
                .setMetric(metric.id())
                .setPlan(policy.plan())
                .setPayload(payload)
                .build();
    }

    private static int targetMinutes(SlaPolicy policy, Metric metric, ClockReading reading) {
        return Math.toIntExact(MetricTimeline.target(policy, metric, reading.severity()).toMinutes());
    }

    private static SeverityChangeReason reasonOf(String code) {
        for (SeverityChangeReason reason : SeverityChangeReason.values()) {
            if (reason.name().equals(code)) {
                return reason;
            }
        }
        return SeverityChangeReason.OTHER;
    }

    static Severity avro(no.biztek.support.policy.Severity severity) {
        return Severity.valueOf(severity.name());
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
