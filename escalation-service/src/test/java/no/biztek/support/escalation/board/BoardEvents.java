package no.biztek.support.escalation.board;

import java.time.Instant;
import java.util.UUID;

import no.biztek.support.schemas.common.Severity;
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
import no.biztek.support.schemas.common.SeverityChangeReason;

/** SLA events of one clock as the SLA timer writes them (policy biztek-2020-01, plan standard). */
record BoardEvents(String ticketId, String customerId, String metric, Severity severity, Instant openedAt) {

    static final String POLICY = "biztek-2020-01";

    SlaEvent started(Instant dueAt, int targetMinutes) {
        return event(openedAt, dueAt, SlaClockStarted.newBuilder().setTargetMinutes(targetMinutes)
                .setPagesAroundTheClock(severity == Severity.CRITICAL).build());
    }

    SlaEvent warning(Instant at, Instant dueAt, int percent, int targetMinutes) {
        return event(at, dueAt, SlaWarning.newBuilder().setThresholdPercent(percent)
                .setBusinessMinutesElapsed(percent * (long) targetMinutes / 100).setTargetMinutes(targetMinutes)
                .build());
    }

    SlaEvent breached(Instant dueAt, int targetMinutes) {
        return event(dueAt, dueAt, SlaBreached.newBuilder().setTargetMinutes(targetMinutes).build());
    }

    SlaEvent paused(Instant at, Instant dueAt, String reason, long elapsedMinutes) {
        return event(at, dueAt, SlaClockPaused.newBuilder().setReason(reason).setBusinessMinutesElapsed(elapsedMinutes)
                .build());
    }

    SlaEvent resumed(Instant at, Instant dueAt, String reason, long elapsedMinutes) {
        return event(at, dueAt, SlaClockResumed.newBuilder().setReason(reason)
                .setBusinessMinutesElapsed(elapsedMinutes).build());
    }

    SlaEvent deadlineChanged(Instant at, Instant dueAt, Instant previousDueAt, int targetMinutes) {
        return event(at, dueAt, SlaDeadlineChanged.newBuilder().setPreviousSeverity(severity)
                .setPreviousDueAt(previousDueAt).setTargetMinutes(targetMinutes)
                .setReason(SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE).build());
    }

    SlaEvent met(Instant at, Instant dueAt) {
        return event(at, dueAt, SlaMet.newBuilder().setRespondedAt(at).setConsultant("Kari")
                .setBusinessMinutesUsed(30).setTargetMinutes(60).build());
    }

    SlaEvent stopped(Instant at, Instant dueAt) {
        return event(at, dueAt, SlaClockStopped.newBuilder().setReason(ClockStopReason.RESOLVED_WITHOUT_RESPONSE)
                .setBusinessMinutesElapsed(10).build());
    }

    SlaEvent corrected(Instant at, Instant dueAt, SlaCorrectionKind kind, SlaClockState state) {
        return event(at, dueAt, SlaCorrected.newBuilder().setSupersededEventId("superseded").setKind(kind)
                .setState(state).setBusinessMinutesUsed(20).build());
    }

    SlaEvent event(Instant at, Instant dueAt, Object payload) {
        return SlaEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTicketId(ticketId)
                .setCustomerId(customerId).setOccurredAt(at).setProducer("sla-timer-service").setSeverity(severity)
                .setPolicyVersion(POLICY).setOpenedAt(openedAt).setDueAt(dueAt).setPayload(payload).setMetric(metric)
                .setPlan("standard").build();
    }
}
