package no.biztek.support.intake.ticket;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.policy.PauseRules;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketResumed;

/**
 * Holds and resumes as facts: the ticket waits (on the customer, on the vendor ...) from {@code heldAt} until it
 * resumes or is resolved. Which reasons exist, and which SLA clocks each stops, is its plan's {@code pauseReasons}
 * in the version in force when it was opened. A hold for another reason while held records the new reason from
 * its {@code heldAt} on; the same reason again is already recorded.
 */
@Service
public class TicketHolds {

    static final String HELD = "held";
    static final String RESUMED = "resumed";

    private final TicketDirectory directory;
    private final TicketFacts facts;

    TicketHolds(TicketDirectory directory, TicketFacts facts) {
        this.directory = directory;
        this.facts = facts;
    }

    public Accepted hold(String ticketId, TicketRequests.Hold request) {
        return directory.change(ticketId, request, this::hold);
    }

    /** Like the reopen idiom: a repeat is already recorded, a resume of a ticket never held is a conflict. */
    public Accepted resume(String ticketId, TicketRequests.Resume request) {
        return directory.change(ticketId, request, (id, ticket, asked) -> resume(id, ticket, asked, true));
    }

    /**
     * Resumes the ticket if it is held, else changes nothing (already recorded): for sources that report a state
     * ("open") rather than a change, such as Zendesk's status.
     */
    public Accepted resumeIfHeld(String ticketId, TicketRequests.Resume request) {
        return directory.change(ticketId, request, (id, ticket, asked) -> resume(id, ticket, asked, false));
    }

    private Accepted hold(String ticketId, TicketSnapshot ticket, TicketRequests.Hold request) {
        Instant now = facts.now();
        Instant heldAt = facts.factTime("heldAt", request.heldAt(), now, ticket);
        String reason = knownReason(request.reason(), facts.termsOf(ticket));
        if (ticket.resolved()) {
            throw TicketProblems.conflict("Ticket " + ticketId + " is resolved, so it cannot be held; reopen it first.");
        }
        if (reason.equals(ticket.heldFor())) {
            return new Accepted(ticketId, TicketIds.eventId(ticketId, HELD, ticket.holds() - 1),
                    Accepted.Outcome.ALREADY_RECORDED);
        }
        return facts.published(ticketId, ticket, now, TicketIds.eventId(ticketId, HELD, ticket.holds()),
                TicketHeld.newBuilder().setReason(reason).setHeldAt(heldAt).build());
    }

    private Accepted resume(String ticketId, TicketSnapshot ticket, TicketRequests.Resume request,
                            boolean mustHaveBeenHeld) {
        Instant now = facts.now();
        Instant resumedAt = facts.factTime("resumedAt", request.resumedAt(), now, ticket);
        if (!ticket.held()) {
            if (ticket.resumes() > 0 || !mustHaveBeenHeld) {
                String last = ticket.resumes() == 0 ? null : TicketIds.eventId(ticketId, RESUMED, ticket.resumes() - 1);
                return new Accepted(ticketId, last, Accepted.Outcome.ALREADY_RECORDED);
            }
            throw TicketProblems.conflict("Ticket " + ticketId + " is not on hold, so it cannot be resumed.");
        }
        return facts.published(ticketId, ticket, now, TicketIds.eventId(ticketId, RESUMED, ticket.resumes()),
                TicketResumed.newBuilder().setResumedAt(resumedAt).build());
    }

    private static String knownReason(String reason, SlaPolicy terms) {
        PauseRules pauses = terms.pauseRules();
        if (PauseRules.RESOLVED.equals(reason)) {
            throw new InvalidRequestException("reason", PauseRules.RESOLVED + " is not a hold: resolve the ticket"
                    + " instead (POST /api/v1/tickets/{ticketId}/resolve)");
        }
        if (!pauses.knows(reason)) {
            throw new InvalidRequestException("reason", "must be a pause reason of the ticket's plan '" + terms.plan()
                    + "' (version " + terms.id() + "), one of " + holdReasons(pauses) + ", was " + reason);
        }
        return reason;
    }

    private static List<String> holdReasons(PauseRules pauses) {
        return pauses.reasons().stream().filter(r -> !PauseRules.RESOLVED.equals(r)).toList();
    }
}
