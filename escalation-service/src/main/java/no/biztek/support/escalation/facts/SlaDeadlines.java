package no.biztek.support.escalation.facts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import no.biztek.support.escalation.view.Expiry;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;

/**
 * Every ticket's deadlines as the SLA timer last announced them (from {@code support.sla-events.v1}), per metric:
 * when it is due and whether its clock runs, is paused or has ended. The SLA timer has already decided from the facts
 * in their event-time order, and it writes a ticket's events in that decision order to the ticket's partition; an
 * event's {@code occurredAt} is when its fact took effect (a late first response's SlaMet carries the response time,
 * before the breach it withdraws), so the view takes the last event written, never the one with the latest
 * {@code occurredAt}. A correction sets the state it names. A ticket is forgotten {@code views.resolved-ticket-retention}
 * after its newest SLA event (the events' own times against the injected clock, as the other views).
 */
@Component
public class SlaDeadlines implements TopicFollower.View<SlaEvent> {

    enum Status { RUNNING, PAUSED, MET, STOPPED }

    /**
     * A metric's deadline as last announced.
     *
     * @param asOf     the announcing event's own time
     * @param breached a breach was announced and not corrected since
     */
    record Deadline(Instant dueAt, Status status, Instant asOf, boolean breached) {
    }

    private final Map<String, Map<String, Deadline>> tickets = new HashMap<>();
    private final Map<String, Instant> newest = new HashMap<>();
    private final Expiry<String> forgetting = new Expiry<>();
    private final Clock clock;
    private final Duration retention;

    public SlaDeadlines(Clock clock, ViewsProperties views) {
        this.clock = clock;
        this.retention = views.resolvedTicketRetention();
    }

    @Override
    public synchronized void fold(String key, SlaEvent event) {
        String ticketId = event.getTicketId();
        Instant at = event.getOccurredAt();
        Map<String, Deadline> metrics = tickets.computeIfAbsent(ticketId, id -> new HashMap<>());
        Deadline known = metrics.get(event.getMetric());
        metrics.put(event.getMetric(), new Deadline(event.getDueAt(), status(event.getPayload(), known), at,
                event.getPayload() instanceof SlaBreached || known != null && known.breached()
                        && !(event.getPayload() instanceof SlaCorrected)));
        if (newest.merge(ticketId, at, (a, b) -> a.isAfter(b) ? a : b).equals(at)) {
            forgetting.schedule(ticketId, at.plus(retention));
        }
        forgetDue();
    }

    /** The deadlines of the ticket by metric id; empty when none is known. */
    synchronized Map<String, Deadline> of(String ticketId) {
        forgetDue();
        return Map.copyOf(tickets.getOrDefault(ticketId, Map.of()));
    }

    private static Status status(Object payload, Deadline known) {
        if (payload instanceof SlaClockPaused) {
            return Status.PAUSED;
        }
        if (payload instanceof SlaMet) {
            return Status.MET;
        }
        if (payload instanceof SlaClockStopped) {
            return Status.STOPPED;
        }
        if (payload instanceof SlaCorrected corrected) {
            return switch (corrected.getState()) {
                case PAUSED -> Status.PAUSED;
                case MET -> Status.MET;
                case STOPPED -> Status.STOPPED;
                case RUNNING, BREACHED -> Status.RUNNING;
                default -> known == null ? Status.RUNNING : known.status();
            };
        }
        return Status.RUNNING;
    }

    private void forgetDue() {
        for (String ticketId : forgetting.takeDue(clock.instant())) {
            tickets.remove(ticketId);
            newest.remove(ticketId);
        }
    }
}
