package no.biztek.support.escalation.board;

import java.time.Instant;
import java.util.List;

/**
 * A row of the board as the API and the page get it. Business-time countdowns are computed against the row's
 * calendar ({@code calendar}: an id of the snapshot's calendars): the page adds the calendar's open time between now
 * and {@code dueAt} inside the window to {@code tailSeconds}, the business time between the window's edge and
 * {@code dueAt} when that lies outside it.
 *
 * @param reference                what the desk calls the ticket: its source and id there (e.g. {@code zendesk 48213}),
 *                                 else the ticket id
 * @param state                    {@code running}, {@code outside-hours}, {@code paused} or {@code breached}, as of
 *                                 the message's {@code now}
 * @param pauseText                e.g. "paused: waiting on customer" (null unless paused)
 * @param businessRemainingSeconds business time left as of the message's {@code now} (negative: overdue); frozen
 *                                 while paused
 * @param warningPercent           the highest warning threshold passed (50, 75, 90; 0: none) as of {@code now}
 * @param pages                    the ticket's pages awaiting or holding an acknowledgement
 */
public record BoardRow(String id, String ticketId, String metric, String metricName, String customerId,
                       String customer, String severity, String severityName, int severityLevel, String title,
                       String reference, String state, boolean breached, String pauseReason, String pauseText, Instant openedAt,
                       Instant dueAt, long targetSeconds, long businessRemainingSeconds, String calendar,
                       long tailSeconds, int warningPercent, List<Holder> pages) {

    /** The row without what changes with time alone (to tell a changed row from one merely older). */
    BoardRow timeless() {
        return new BoardRow(id, ticketId, metric, metricName, customerId, customer, severity, severityName,
                severityLevel, title, reference, "outside-hours".equals(state) ? "running" : state, breached, pauseReason,
                pauseText, openedAt, dueAt, targetSeconds, "paused".equals(state) ? businessRemainingSeconds : 0,
                calendar, tailSeconds, 0, pages);
    }

    /**
     * A page of the ticket and who holds it.
     *
     * @param acknowledged whether {@code name} acknowledged it (else it is paging {@code name})
     */
    public record Holder(String name, String level, boolean acknowledged) {
    }
}
