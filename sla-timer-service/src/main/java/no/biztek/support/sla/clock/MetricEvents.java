package no.biztek.support.sla.clock;

import java.time.Instant;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;

/** The SLA events of one metric's clock of one ticket, measured under one policy version. */
record MetricEvents(SlaEventFactory events, SlaClock clock, Metric metric, SlaPolicy policy) {

    SlaEvent restarted(ClockReading reading, String causeEventId) {
        return events.restarted(clock, metric, reading, policy, causeEventId);
    }

    SlaEvent deadlineChanged(ClockReading reading, Announcement previous, String causeEventId, Instant occurredAt) {
        return events.deadlineChanged(clock, metric, reading, policy, previous, causeEventId, occurredAt);
    }

    SlaEvent warning(ClockReading reading, SlaPolicy.Warning warning) {
        return events.warning(clock, metric, reading, policy, warning);
    }

    SlaEvent stopped(ClockReading reading, String causeEventId) {
        return events.stopped(clock, metric, reading, policy, causeEventId);
    }

    SlaEvent paused(ClockReading reading, String causeEventId) {
        return events.paused(clock, metric, reading, policy, causeEventId);
    }

    SlaEvent resumed(ClockReading reading, String reason, String causeEventId, Instant occurredAt) {
        return events.resumed(clock, metric, reading, policy, reason, causeEventId, occurredAt);
    }

    /** The SlaMet or SlaBreached of the reading's verdict. */
    SlaEvent verdict(ClockReading reading, String eventId) {
        return reading.state() == ClockState.MET ? events.met(clock, metric, reading, policy, eventId)
                : events.breached(clock, metric, reading, policy, eventId);
    }

    SlaEvent corrected(ClockReading reading, Announcement before, SlaCorrectionKind kind, String causeEventId,
                       Instant now) {
        String eventId = EventIds.of(clock.ticketId(), metric.id(), "corrected", Integer.toString(before.verdicts()));
        return events.corrected(clock, metric, reading, policy, eventId, before.verdictEventId(), kind, causeEventId,
                now);
    }

    /** The id of the clock's verdict number {@code count}: a second verdict after a correction gets a new id. */
    String verdictId(ClockState verdict, int count) {
        return EventIds.of(clock.ticketId(), metric.id(), verdict == ClockState.MET ? "met" : "breached",
                Integer.toString(count));
    }
}
