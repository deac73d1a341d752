package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;

/**
 * What the people of a page event are told: the person paged gets the page with a signed acknowledgement link
 * (valid {@code ack-link.valid-for}); everyone paged for a withdrawn page gets the withdrawal. Each goes to the
 * person's own webhook when they have one. What the event does not say (a re-escalation's severity and cause, a
 * withdrawal's severity) comes from the page board.
 */
final class OnCallMessages {

    private final PageBoard board;
    private final AckTokens tokens;
    private final PagingProperties.AckLink ackLink;
    private final Map<String, URI> webhooks;

    OnCallMessages(PageBoard board, AckTokens tokens, PagingProperties paging) {
        this.board = board;
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
        return page(event, moved.getPageId(), known.map(PageBoard.Page::severity).orElse("UNKNOWN"),
                known.map(PageBoard.Page::cause).orElse("OTHER"), moved.getLevel(), moved.getLevelName(),
                moved.getRound(), moved.getReason().name(), moved.getPaged().getName(), moved.getPaged().getEmail(),
                moved.getAcknowledgeBy(), now);
    }

    /** The withdrawal of a page, one message per person paged for it, in the PageClosed's order. */
    List<WithdrawalMessage> withdrawal(EscalationEvent event, PageClosed closed) {
        String severity = board.find(closed.getPageId()).map(PageBoard.Page::severity).orElse("UNKNOWN");
        return closed.getPagedPeople().stream()
                .map(person -> new WithdrawalMessage(event.getEventId(), closed.getPageId(), event.getTicketId(),
                        event.getCustomerId(), severity, closed.getExplanation(), closed.getSupersededEventId(),
                        person.getName(), person.getEmail(),
                        webhooks.get(person.getEmail().toLowerCase(Locale.ROOT))))
                .toList();
    }

    private PageMessage page(EscalationEvent event, String pageId, String severity, String cause, int level,
                             String levelName, int round, String reason, String name, String email,
                             Instant acknowledgeBy, Instant now) {
        String token = tokens.issue(pageId, email, now.plus(ackLink.validFor()));
        URI ackUrl = URI.create(ackLink.baseUrl().toString().replaceAll("/+$", "") + "/ack/" + token);
        return new PageMessage(event.getEventId(), pageId, event.getTicketId(), event.getCustomerId(), severity,
                cause, level, levelName, round, reason, name, email, webhooks.get(email.toLowerCase()),
                acknowledgeBy, ackUrl);
    }
}
