package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;

/**
 * What one metric's SLA events say next, comparing what they {@link Announcement announced} with what the facts say
 * now ({@link ClockReading}): pure decisions, the events to emit added to {@code out}, the new announcement returned.
 */
final class VerdictAnnouncer {

    private VerdictAnnouncer() {
    }

    /** No verdict announced yet: announce how the clock moved on. */
    static Announcement progress(MetricEvents emit, Announcement before, ClockReading reading, Fact cause,
                                 Instant now, List<SlaEvent> out) {
        boolean deadlineMoved = reading.severity() != before.severity() || !reading.dueAt().equals(before.dueAt());
        String causeId = cause == null ? "timer|" + now.toEpochMilli() : cause.eventId();
        Instant changedAt = cause == null ? now : cause.at();
        switch (reading.state()) {
            case RUNNING -> {
                if (before.state() == ClockState.STOPPED && before.isHeld()) {
                    // the envelope's deadline is the one moved by the time held
                    out.add(emit.resumed(reading, before.pauseReason(), causeId, changedAt));
                } else if (before.state() == ClockState.STOPPED) {
                    out.add(emit.restarted(reading, causeId));
                } else if (deadlineMoved) {
                    out.add(emit.deadlineChanged(reading, before, causeId, changedAt));
                }
                return before.announcing(reading, null, false);
            }
            case STOPPED -> {
                boolean newReason = before.state() == ClockState.STOPPED
                        && !Objects.equals(before.pauseReason(), reading.pauseReason());
                if (before.state() == ClockState.RUNNING || newReason) {
                    out.add(reading.isHeld() ? emit.paused(reading, causeId) : emit.stopped(reading, causeId));
                } else if (deadlineMoved) {
                    // nothing is measured while paused, but the severity and the deadline it resumes with changed
                    out.add(emit.deadlineChanged(reading, before, causeId, changedAt));
                }
                return before.announcing(reading, null, false);
            }
            default -> {
                if (deadlineMoved) {
                    out.add(emit.deadlineChanged(reading, before, causeId, changedAt));
                }
                String verdictId = emit.verdictId(reading.state(), before.verdicts());
                out.add(emit.verdict(reading, verdictId));
                return before.announcing(reading, verdictId, true);
            }
        }
    }

    /** A verdict was announced: if the facts now say otherwise, correct it. */
    static Announcement correct(MetricEvents emit, Announcement before, ClockReading reading, Fact cause,
                                Instant now, List<SlaEvent> out) {
        boolean same = reading.state() == before.state() && reading.severity() == before.severity()
                && reading.dueAt().equals(before.dueAt())
                && (reading.state() != ClockState.MET || reading.respondedAt().equals(before.respondedAt()));
        if (same) {
            return before;
        }
        SlaCorrectionKind kind;
        if (reading.state() == before.state()) {
            kind = SlaCorrectionKind.VERDICT_REVISED;
        } else {
            kind = before.state() == ClockState.BREACHED ? SlaCorrectionKind.BREACH_WITHDRAWN
                    : SlaCorrectionKind.MET_WITHDRAWN;
        }
        out.add(emit.corrected(reading, before, kind, cause == null ? null : cause.eventId(), now));
        Announcement corrected = before.announcing(reading, null, true);
        if (kind == SlaCorrectionKind.VERDICT_REVISED || !reading.state().hasVerdict()) {
            return corrected;
        }
        String verdictId = emit.verdictId(reading.state(), corrected.verdicts());
        out.add(emit.verdict(reading, verdictId));
        return corrected.announcing(reading, verdictId, true);
    }
}
