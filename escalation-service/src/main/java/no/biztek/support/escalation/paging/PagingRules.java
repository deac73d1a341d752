package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.event.Level;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.paging.PageState.Status;
import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.ReEscalationReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * The paging rules as pure decisions: an input of a ticket (or a due timer), with what paging knows of the ticket
 * and its pages, gives a {@link Decision}. No Kafka, no stores, no wall clock of its own.
 *
 * <ul>
 *   <li>A TicketOpened of a severity that pages around the clock (in the version of the ticket's plan in force
 *       at {@code openedAt}; see {@link TicketPlans}) pages level 1 at any hour. A SeverityChanged from a
 *       severity that does not page around the clock to one that does pages level 1 too, judged under the
 *       ticket's plan's version in force when the ticket was opened (SPEC §2), not when it changed; a resolved ticket is not paged. A change from
 *       such a severity to one that does not (a downgrade from 1) closes the ticket's open pages.</li>
 *   <li>An SlaBreached pages at the level configured for its metric and severity ({@link BreachPaging}; none
 *       configured: nobody, the desk hears of it). A first-response breach pages nobody once the ticket was answered
 *       (first response) or resolved; a breach of another metric (resolution) pages whatever the first response,
 *       but not once the ticket is resolved. The answered and resolved markers are kept per ticket and cleared by a
 *       TicketReopened.</li>
 *   <li>A ticket has at most one page paging at a time: a trigger while one is paging adds none (the one
 *       paging already escalates). An exhausted page does not block a new trigger.</li>
 *   <li>Each page has one timer: an acknowledgement timeout moves the page to the next level, or next round, or
 *       marks it exhausted.</li>
 *   <li>A PageAcknowledged (published by the HTTP API) ends the page; so does a first response or a
 *       resolution of the ticket, or a downgrade from a severity that pages around the clock to one that
 *       does not (closed, with a PageClosed). Ended pages and resolved tickets are forgotten after
 *       {@code endedPageRetention}.</li>
 *   <li>An SlaCorrected that withdraws a breach (BREACH_WITHDRAWN) withdraws the page that breach caused, whether
 *       it still pages, is exhausted, acknowledged or closed, and a PageClosed (CAUSE_WITHDRAWN) names everyone
 *       paged for it, so they all hear of it. Other corrections change no page.</li>
 *   <li>A DELIVERY_FAILED command moves the page on at once, if it is still at that level and round.</li>
 * </ul>
 */
final class PagingRules {

    private final PlanCatalogue plans;
    private final EscalationPolicy escalation;
    private final BreachPaging breachPaging;
    private final Duration endedPageRetention;
    private final PageMoves moves;

    /** Rules of a policy with the default plan only. */
    PagingRules(PolicyHistory policies, EscalationPolicy escalation,
                BreachPaging breachPaging, Duration endedPageRetention,
                String producer) {
        this(new PlanCatalogue(List.of(policies)), escalation, breachPaging, endedPageRetention, producer);
    }

    PagingRules(PlanCatalogue plans, EscalationPolicy escalation,
                BreachPaging breachPaging, Duration endedPageRetention,
                String producer) {
        this.plans = plans;
        this.escalation = escalation;
        this.breachPaging = breachPaging;
        this.endedPageRetention = endedPageRetention;
        this.moves = new PageMoves(escalation, endedPageRetention, producer);
    }

    /**
     * A ticket event.
     *
     * @param known the ticket's state, null when paging knows nothing of it
     * @param pages every page of the ticket
     */
    Decision onTicketEvent(TicketEvent event, TicketState known, List<PageState> pages, Instant now) {
        String ticketId = event.getTicketId();
        TicketState ticket = known == null ? TicketState.unknown() : known;
        Decision.Builder decision = new Decision.Builder(ticketId);
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            if (ticket.openedAt() == null) {
                decision.ticket(ticket.withOpening(opened.getOpenedAt(), opened.getSeverity().name(),
                        opened.getPlan()));
            }
            if (!TicketPlans.known(plans, opened.getPlan())) {
                decision.note(Level.WARN, "Ticket " + ticketId + " is of plan '" + opened.getPlan() + "', which the"
                        + " policy file does not have (plans: " + plans.planNames() + "); paging it under the default"
                        + " plan");
            }
            if (pagesAroundTheClock(TicketPlans.of(plans, opened.getPlan()).inForceAt(opened.getOpenedAt()),
                    opened.getSeverity())) {
                moves.open(decision, pages, event.getCustomerId(), opened.getSeverity(),
                        PageCause.CRITICAL_TICKET_OPENED, event.getEventId(), 1, now);
            }
        } else if (payload instanceof SeverityChanged changed) {
            severityChanged(decision, event, changed, ticket, pages, now);
        } else if (payload instanceof FirstResponseRecorded response) {
            decision.ticket(ticket.answeredAt(response.getRespondedAt()));
            moves.closeAll(decision, pages, PageCloseReason.FIRST_RESPONSE, CloseExplanations.firstResponse(
                    response.getConsultant(), response.getRespondedAt(), escalation.zone(), now), now);
        } else if (payload instanceof TicketResolved resolved) {
            Timer purge = PageTimers.purgeTicket(now.plus(endedPageRetention), ticketId);
            decision.cancel(ticket.purgeTimer(ticketId)).ticket(ticket.resolvedAt(resolved.getResolvedAt(),
                    purge.dueAt())).set(purge);
            moves.closeAll(decision, pages, PageCloseReason.RESOLVED,
                    CloseExplanations.resolved(resolved.getResolvedAt(), escalation.zone(), now), now);
        } else if (payload instanceof TicketReopened && known != null) {
            decision.cancel(known.purgeTimer(ticketId)).ticket(known.reopened());
        }
        return decision.build();
    }

    /**
     * A severity change is judged under the version of the ticket's plan in force when the ticket was opened
     * (SPEC §2). For a ticket whose opening was never seen (opened before this state existed, or forgotten after
     * its resolution) the default plan's version in force at the change is the best there is, and its previous severity is taken from its open
     * pages: a missed page at night is worse than a page judged under the wrong version.
     */
    private void severityChanged(Decision.Builder decision, TicketEvent event, SeverityChanged changed,
                                 TicketState ticket, List<PageState> pages, Instant now) {
        String ticketId = event.getTicketId();
        SlaPolicy policy;
        if (ticket.openedAt() != null) {
            policy = TicketPlans.of(plans, ticket.plan()).inForceAt(ticket.openedAt());
        } else {
            decision.note(Level.WARN, "Severity of ticket " + ticketId + " changed to " + changed.getSeverity()
                    + ", but its opening is unknown; judging the change under the policy version in force at "
                    + changed.getChangedAt());
            policy = plans.defaultPlan().inForceAt(changed.getChangedAt());
        }
        boolean before = ticket.severity() != null
                ? pagesAroundTheClock(policy, Severity.valueOf(ticket.severity()))
                : pages.stream().anyMatch(p -> p.status().awaitsAcknowledgement()
                        && pagesAroundTheClock(policy, Severity.valueOf(p.severity())));
        boolean after = pagesAroundTheClock(policy, changed.getSeverity());
        decision.ticket(ticket.withSeverity(changed.getSeverity().name()));
        if (after && !before) {
            if (ticket.resolved()) {
                decision.note(Level.INFO, "Ticket " + ticketId + " is resolved; its change to " + changed.getSeverity()
                        + " pages nobody");
            } else {
                moves.open(decision, pages, event.getCustomerId(), changed.getSeverity(), PageCause.OTHER,
                        event.getEventId(), 1, now);
            }
        } else if (before && !after) {
            moves.closeAll(decision, pages, PageCloseReason.SEVERITY_DOWNGRADED,
                    CloseExplanations.downgraded(changed.getSeverity()), now);
        }
    }

    /**
     * An SLA event: a breach pages, a correction that withdraws a breach withdraws its page; others change nothing.
     *
     * @param ticket the ticket's state, null when paging knows nothing of it
     * @param pages  every page of the ticket
     */
    Decision onSlaEvent(SlaEvent event, TicketState ticket, List<PageState> pages, Instant now) {
        String ticketId = event.getTicketId();
        if (event.getPayload() instanceof SlaCorrected correction) {
            return corrected(event, correction, pages, now);
        }
        Decision.Builder decision = new Decision.Builder(ticketId);
        if (event.getPayload() instanceof SlaBreached) {
            boolean firstResponse = Metric.FIRST_RESPONSE.id().equals(event.getMetric());
            if (ticket != null && (firstResponse ? ticket.answered() : ticket.resolved())) {
                return Decision.none(ticketId, Level.INFO, "SLA breach of ticket " + ticketId + " ("
                        + event.getMetric() + ") ignored: the ticket was "
                        + (ticket.resolved() ? "resolved" : "answered at " + ticket.answeredAt()));
            }
            Optional<Integer> level = breachPaging.level(event.getMetric(), event.getSeverity().name());
            if (level.isEmpty()) {
                return Decision.none(ticketId, Level.INFO, "SLA breach of ticket " + ticketId + " ("
                        + event.getMetric() + ", " + event.getSeverity() + ") pages nobody: no breach paging is "
                        + "configured for them");
            }
            moves.open(decision, pages, event.getCustomerId(), event.getSeverity(), PageCause.SLA_BREACHED,
                    event.getEventId(), level.get(), now);
        }
        return decision.build();
    }

    /**
     * BREACH_WITHDRAWN: the page of the superseded breach (its id derives from that event) is withdrawn, also when
     * it was acknowledged or closed meanwhile (e.g. the late first response reached this topology first): whoever
     * was woken for it must hear that the breach does not stand. No page (the breach paged nobody) or a page
     * already withdrawn (a replay): nothing. Other kinds change no page: after MET_WITHDRAWN the SlaBreached that
     * follows pages by the usual rules; after VERDICT_REVISED the breach, and its page, stand.
     */
    private Decision corrected(SlaEvent event, SlaCorrected correction, List<PageState> pages, Instant now) {
        String ticketId = event.getTicketId();
        String superseded = correction.getSupersededEventId();
        if (correction.getKind() != SlaCorrectionKind.BREACH_WITHDRAWN) {
            return Decision.none(ticketId, Level.INFO, "SLA verdict " + superseded + " of ticket " + ticketId
                    + " corrected (" + correction.getKind() + ", now " + correction.getState() + "); no page changes");
        }
        String pageId = Ids.pageId(ticketId, PageCause.SLA_BREACHED.name(), superseded);
        PageState page = PageMoves.find(pages, ticketId, pageId).orElse(null);
        if (page == null || page.status() == Status.WITHDRAWN) {
            return Decision.none(ticketId, Level.INFO, "Breach " + superseded + " of ticket " + ticketId
                    + " withdrawn; "
                    + (page == null ? "it paged nobody" : "its page " + pageId + " was withdrawn before"));
        }
        String explanation = CloseExplanations.breachWithdrawn(correction, event.getDueAt(), escalation.zone(), now);
        Decision.Builder decision = new Decision.Builder(ticketId);
        moves.withdraw(decision, page, explanation, superseded, now);
        return decision.build();
    }

    /**
     * A PageAcknowledged ends the page it names, if it still awaits one.
     *
     * @param tokenName the API token it was made with, null for a link
     * @param page      the page it names, null when there is none
     */
    Decision onAcknowledged(EscalationEvent event, PageAcknowledged ack, String tokenName, PageState page) {
        Decision.Builder decision = new Decision.Builder(event.getTicketId());
        if (page == null || !page.status().awaitsAcknowledgement()) {
            return decision.build();
        }
        moves.acknowledge(decision, page, ack.getAcknowledgedBy(), ack.getVia().name(), tokenName,
                event.getOccurredAt());
        return decision.build();
    }

    /** A DELIVERY_FAILED command moves the page on, if it is still paging at that level and round. */
    Decision onCommand(PageCommand command, PageState page, Instant now) {
        Decision.Builder decision = new Decision.Builder(command.ticketId());
        if (page != null && page.status() == Status.OPEN && page.level() == command.level()
                && page.round() == command.round()) {
            decision.note(Level.WARN, "Page " + page.pageId() + " could not be delivered at level " + page.level()
                    + " (round " + page.round() + "): " + command.reason() + "; moving on");
            moves.escalate(decision, page, ReEscalationReason.DELIVERY_FAILED, now);
        }
        return decision.build();
    }

    /**
     * A due timer of a page: moves it on, or forgets it once ended. A timer the page no longer has does nothing.
     *
     * @param page the page it names, null when there is none
     */
    Decision onPageTimer(Timer timer, PageState page, Instant now) {
        Decision.Builder decision = new Decision.Builder(PageTimers.ticketId(timer));
        if (page == null || !timer.equals(page.timer())) {
            return decision.build();
        }
        if (timer.is(PageTimers.ESCALATE) && page.status() == Status.OPEN) {
            moves.escalate(decision, page, ReEscalationReason.ACKNOWLEDGEMENT_TIMEOUT, now);
        } else if (timer.is(PageTimers.PURGE_PAGE) && !page.status().awaitsAcknowledgement()) {
            decision.purge(page);
        }
        return decision.build();
    }

    /** A due purge timer of a ticket forgets it, if it is still resolved and the timer still its own. */
    Decision onTicketTimer(Timer timer, TicketState ticket) {
        String ticketId = PageTimers.ticketId(timer);
        Decision.Builder decision = new Decision.Builder(ticketId);
        if (ticket != null && ticket.resolved() && timer.equals(ticket.purgeTimer(ticketId))) {
            decision.forgetTicket();
        }
        return decision.build();
    }

    private static boolean pagesAroundTheClock(SlaPolicy policy, Severity severity) {
        return policy.terms(no.biztek.support.policy.Severity.valueOf(severity.name())).pagesAroundTheClock();
    }
}
