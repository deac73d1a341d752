package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.event.Level;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.paging.EscalationPolicy.Assignment;
import no.biztek.support.escalation.paging.EscalationPolicy.Step;
import no.biztek.support.escalation.paging.PageState.Status;
import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.ReEscalationReason;

/**
 * How a ticket's pages move, written into a {@link Decision}: a page is opened, moved up the escalation ladder,
 * ended or withdrawn, with its page event, its one timer and what to count. An ended page gets a timer that forgets
 * it {@code endedPageRetention} after its end. Which input moves which page is {@link PagingRules}' business.
 */
final class PageMoves {

    private final EscalationPolicy escalation;
    private final Duration endedPageRetention;
    private final PageEvents events;

    PageMoves(EscalationPolicy escalation, Duration endedPageRetention, String producer) {
        this.escalation = escalation;
        this.endedPageRetention = endedPageRetention;
        this.events = new PageEvents(producer);
    }

    /**
     * Pages {@code startLevel} for the cause, unless the cause paged before (a replay) or another page of the ticket
     * is still paging (it escalates already); an exhausted page does not block.
     */
    void open(Decision.Builder decision, List<PageState> pages, String customerId, Severity severity,
              PageCause cause, String causeEventId, int startLevel, Instant now) {
        String ticketId = decision.ticketId();
        String pageId = Ids.pageId(ticketId, cause.name(), causeEventId);
        if (find(pages, ticketId, pageId).isPresent()) {
            return;
        }
        Optional<PageState> paging = pages.stream().filter(p -> p.status() == Status.OPEN).findFirst();
        if (paging.isPresent()) {
            decision.note(Level.INFO, "Ticket " + ticketId + " already has page " + paging.get().pageId()
                    + " paging; " + cause + " adds no page");
            return;
        }
        Assignment assignment = escalation.assign(new Step(startLevel, 1), now);
        Timer timer = PageTimers.escalate(assignment.acknowledgeBy(), ticketId, pageId);
        PageState page = new PageState(pageId, ticketId, customerId, severity.name(), cause.name(), startLevel,
                startLevel, 1, assignment.levelName(), assignment.person().name(), assignment.person().email(),
                now, now, assignment.acknowledgeBy(), Status.OPEN, null, null, null, timer.dueAt(),
                List.of(new PageState.Paged(assignment.person().name(), assignment.person().email())), null, null,
                null);
        decision.page(page).set(timer).emit(events.paged(page, assignment, now))
                .count(new Decision.Count.Paged(startLevel));
    }

    /** Moves the page to the next step of the ladder, or, after the last round, marks it exhausted. */
    void escalate(Decision.Builder decision, PageState page, ReEscalationReason reason, Instant now) {
        decision.cancel(page.timer());
        Optional<Step> next = escalation.next(page.step(), page.startLevel());
        if (next.isEmpty()) {
            decision.note(Level.WARN, "Page " + page.pageId() + " of ticket " + page.ticketId()
                    + " exhausted every level and round without an acknowledgement");
            decision.page(page.ended(Status.EXHAUSTED, null, null, null, now, null));
            return;
        }
        Assignment assignment = escalation.assign(next.get(), now);
        Timer timer = PageTimers.escalate(assignment.acknowledgeBy(), page.ticketId(), page.pageId());
        decision.page(page.assigned(assignment, now, timer.dueAt())).set(timer)
                .emit(events.reEscalated(page, assignment, reason, now))
                .count(new Decision.Count.Paged(assignment.step().level()));
    }

    /** Ends the page as acknowledged, and counts the time it took from the first page. */
    void acknowledge(Decision.Builder decision, PageState page, String by, String via, String byToken, Instant at) {
        end(decision, page, Status.ACKNOWLEDGED, by, via, byToken, at);
        decision.count(new Decision.Count.Acknowledged(page.level(), Duration.between(page.pagedAt(), at)));
    }

    /** Closes every page of the ticket that still awaits an acknowledgement, each with a PageClosed. */
    void closeAll(Decision.Builder decision, List<PageState> pages, PageCloseReason reason, String explanation,
                  Instant now) {
        for (PageState page : pages) {
            if (page.status().awaitsAcknowledgement()) {
                decision.note(Level.INFO, "Page " + page.pageId() + " of ticket " + decision.ticketId() + " closed: "
                        + explanation);
                PageState closed = end(decision, page, Status.CLOSED, null, null, null, now);
                decision.emit(events.closed(closed, reason, explanation, null, now));
            }
        }
    }

    /** Withdraws the page in any state, and tells everyone paged for it (a PageClosed, CAUSE_WITHDRAWN). */
    void withdraw(Decision.Builder decision, PageState page, String explanation, String supersededEventId,
                  Instant now) {
        Timer purge = PageTimers.purgePage(now.plus(endedPageRetention), page.ticketId(), page.pageId());
        PageState withdrawn = page.withdrawn(now, explanation, purge.dueAt());
        decision.note(Level.INFO, "Page " + page.pageId() + " of ticket " + page.ticketId() + " (" + page.status()
                        + ") withdrawn: " + explanation)
                .cancel(page.timer()).page(withdrawn).set(purge)
                .emit(events.closed(withdrawn, PageCloseReason.CAUSE_WITHDRAWN, explanation, supersededEventId, now))
                .count(new Decision.Count.Withdrawn());
    }

    private PageState end(Decision.Builder decision, PageState page, Status status, String by, String via,
                          String byToken, Instant at) {
        Timer purge = PageTimers.purgePage(at.plus(endedPageRetention), page.ticketId(), page.pageId());
        PageState ended = page.ended(status, by, via, byToken, at, purge.dueAt());
        decision.cancel(page.timer()).page(ended).set(purge);
        return ended;
    }

    static Optional<PageState> find(List<PageState> pages, String ticketId, String pageId) {
        return pages.stream().filter(p -> p.ticketId().equals(ticketId) && p.pageId().equals(pageId)).findFirst();
    }
}
