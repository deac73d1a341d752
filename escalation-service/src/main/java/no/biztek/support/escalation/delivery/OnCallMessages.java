package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;
import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;

/**
 * What the people of a page event are told: the person paged gets the page with the ticket's facts and a signed
 * acknowledgement link (valid {@code ack-link.valid-for}); everyone paged for a page that ends (acknowledged, closed,
 * withdrawn) is told so, except the person who acknowledged it. Each goes to the person's own webhook when they have
 * one. What the event does not say (a re-escalation's severity and cause, who else was paged) comes from the page
 * board, the ticket's facts from {@link TicketFactsLookup}.
 */
final class OnCallMessages {

    private final PageBoard board;
    private final TicketFactsLookup facts;
    private final AckTokens tokens;
    private final PagingProperties.AckLink ackLink;
    private final Map<String, URI> webhooks;

    OnCallMessages(PageBoard board, TicketFactsLookup facts, AckTokens tokens, PagingProperties paging) {
        this.board = board;
        this.facts = facts;
        this.tokens = tokens;
        this.ackLink = paging.ackLink();
        this.webhooks = Webhooks.byEmail(paging);
    }

    /** The page of an OnCallPaged or PageReEscalated, its link issued at {@code now}. */
    PageMessage page(EscalationEvent event, Instant now) {
        if (event.getPayload() instanceof OnCallPaged paged) {
            return page(event, paged.getPageId(), paged.getSeverity().name(), paged.getCause().name(),
                    paged.getLevel(), paged.getLevelName(), paged.getRound(), null, paged.getPaged().getName(),
                    paged.getPaged().getEmail(), paged.getAcknowledgeBy(), now);
        }
        PageReEscalated moved = (PageReEscalated) event.getPayload();
        Optional<PageBoard.Page> known = board.find(moved.getPageId());
        return page(event, moved.getPageId(), known.map(PageBoard.Page::severity).orElse(Labels.UNKNOWN),
                known.map(PageBoard.Page::cause).orElse(Labels.UNKNOWN), moved.getLevel(), moved.getLevelName(),
                moved.getRound(), moved.getReason().name(), moved.getPaged().getName(), moved.getPaged().getEmail(),
                moved.getAcknowledgeBy(), now);
    }

    /**
     * The end of a page (a PageAcknowledged or PageClosed), one message per person paged for it, in paging order,
     * without the person who acknowledged it (they know).
     */
    List<PageEndedMessage> ended(EscalationEvent event) {
        End end = end(event);
        String severity = board.find(end.pageId()).map(PageBoard.Page::severity).orElse(Labels.UNKNOWN);
        TicketFacts ticket = facts.of(event.getTicketId(), event.getCustomerId());
        String acknowledger = end.by() == null ? null : end.people().stream()
                .filter(p -> p.email().equalsIgnoreCase(end.by())).map(PageState.Paged::name).findFirst()
                .orElse(end.by());
        return end.people().stream()
                .filter(person -> end.by() == null || !person.email().equalsIgnoreCase(end.by()))
                .map(person -> new PageEndedMessage(end.ending(), event.getEventId(), end.pageId(),
                        event.getTicketId(), event.getCustomerId(), severity, ticket, acknowledger,
                        event.getOccurredAt(), end.explanation(), end.reason(), end.supersededEventId(),
                        person.name(), person.email(), webhook(person.email())))
                .toList();
    }

    /** How a page ended, and everyone paged for it (an acknowledgement does not list them: the board does). */
    private record End(String pageId, PageEndedMessage.Ending ending, String by, String explanation, String reason,
                       String supersededEventId, List<PageState.Paged> people) {
    }

    private End end(EscalationEvent event) {
        if (event.getPayload() instanceof PageAcknowledged acknowledged) {
            String pageId = acknowledged.getPageId();
            return new End(pageId, PageEndedMessage.Ending.ACKNOWLEDGED, acknowledged.getAcknowledgedBy(), null, null,
                    null, board.find(pageId).map(PageBoard.Page::pagedPeople).orElse(List.of()));
        }
        PageClosed closed = (PageClosed) event.getPayload();
        return new End(closed.getPageId(), closed.getReason() == PageCloseReason.CAUSE_WITHDRAWN
                ? PageEndedMessage.Ending.WITHDRAWN : PageEndedMessage.Ending.CLOSED, null, closed.getExplanation(),
                closed.getReason().name(), closed.getSupersededEventId(), closed.getPagedPeople().stream()
                .map(p -> new PageState.Paged(p.getName(), p.getEmail())).toList());
    }

    private PageMessage page(EscalationEvent event, String pageId, String severity, String cause, int level,
                             String levelName, int round, String reason, String name, String email,
                             Instant acknowledgeBy, Instant now) {
        String token = tokens.issue(pageId, email, now.plus(ackLink.validFor()));
        URI ackUrl = URI.create(ackLink.baseUrl().toString().replaceAll("/+$", "") + "/ack/" + token);
        List<String> others = board.find(pageId).map(PageBoard.Page::pagedPeople).orElse(List.of()).stream()
                .filter(p -> !p.email().equalsIgnoreCase(email)).map(PageState.Paged::name).toList();
        return new PageMessage(event.getEventId(), pageId, event.getTicketId(), event.getCustomerId(), severity,
                cause, level, levelName, round, reason, name, email, webhook(email), acknowledgeBy, ackUrl,
                facts.of(event.getTicketId(), event.getCustomerId()), others);
    }

    private URI webhook(String email) {
        return webhooks.get(email.toLowerCase(Locale.ROOT));
    }
}
