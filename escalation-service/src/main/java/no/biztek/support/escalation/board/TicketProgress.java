package no.biztek.support.escalation.board;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import no.biztek.support.policy.Metric;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * What a ticket's own facts say of its clocks: a breached clock gets no further SLA event when the ticket is finally
 * answered or resolved (the verdict stands), so without these facts it would stay on the board. First response ends
 * with a recorded response; every clock ends when the ticket is resolved, unless a reopening came after the
 * resolution. Decided from the events' own times (the first response, the latest resolution and reopening), so the
 * order in which the ticket and SLA topics are read does not matter. Not thread-safe: {@link BoardView} guards it.
 */
final class TicketProgress {

    /** @param newest the latest own time of the ticket's events noted here */
    private record Progress(Instant respondedAt, Instant resolvedAt, Instant reopenedAt, Instant newest) {

        static final Progress NONE = new Progress(null, null, null, null);

        Progress with(Object payload, Instant at) {
            Instant latest = later(newest, at);
            if (payload instanceof FirstResponseRecorded responded) {
                return new Progress(earlier(respondedAt, responded.getRespondedAt()), resolvedAt, reopenedAt, latest);
            }
            if (payload instanceof TicketResolved resolved) {
                return new Progress(respondedAt, later(resolvedAt, resolved.getResolvedAt()), reopenedAt, latest);
            }
            if (payload instanceof TicketReopened reopened) {
                return new Progress(respondedAt, resolvedAt, later(reopenedAt, reopened.getReopenedAt()), latest);
            }
            return this;
        }

        boolean resolved() {
            return resolvedAt != null && (reopenedAt == null || resolvedAt.isAfter(reopenedAt));
        }
    }

    private final Map<String, Progress> tickets = new HashMap<>();

    /**
     * Takes note of the event; the latest own time of the ticket's events noted here (to forget it by), or null when
     * the event says nothing of its clocks' end.
     */
    Instant fold(TicketEvent event) {
        Object payload = event.getPayload();
        if (!(payload instanceof FirstResponseRecorded || payload instanceof TicketResolved
                || payload instanceof TicketReopened)) {
            return null;
        }
        Instant at = event.getOccurredAt();
        return tickets.merge(event.getTicketId(), Progress.NONE.with(payload, at),
                (known, next) -> known.with(payload, at)).newest();
    }

    /** Whether the ticket's facts say the clock of this metric has ended. */
    boolean ended(String ticketId, String metric) {
        Progress progress = tickets.get(ticketId);
        if (progress == null) {
            return false;
        }
        return progress.resolved()
                || Metric.FIRST_RESPONSE.id().equals(metric) && progress.respondedAt() != null;
    }

    void forget(String ticketId) {
        tickets.remove(ticketId);
    }

    private static Instant earlier(Instant known, Instant next) {
        return known == null || next.isBefore(known) ? next : known;
    }

    private static Instant later(Instant known, Instant next) {
        return known == null || next.isAfter(known) ? next : known;
    }
}
