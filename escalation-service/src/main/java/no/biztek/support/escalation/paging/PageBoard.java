package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * Every page as this instance has read it: from the page events on {@code support.escalation-events.v1},
 * closed by a first response or resolution of its ticket on {@code support.ticket-events.v1} (the
 * topology closes pages the same way; there is no page-closed event in the contract). Serves the page
 * API and the acknowledgement links on every instance.
 */
@Component
public class PageBoard {

    /** Where a page stands. */
    public enum State { OPEN, ACKNOWLEDGED, CLOSED }

    /** A page as the API shows it. */
    public record Page(String pageId, String ticketId, String customerId, String severity, String cause, int level,
                       String levelName, int round, String pagedName, String pagedEmail, Instant pagedAt,
                       Instant lastPagedAt, Instant acknowledgeBy, State state, String acknowledgedBy,
                       Instant acknowledgedAt, String acknowledgedVia, Instant closedAt) {

        Page reEscalated(PageReEscalated event, Instant at) {
            return new Page(pageId, ticketId, customerId, severity, cause, event.getLevel(), event.getLevelName(),
                    event.getRound(), event.getPaged().getName(), event.getPaged().getEmail(), pagedAt, at,
                    event.getAcknowledgeBy(), state, acknowledgedBy, acknowledgedAt, acknowledgedVia, closedAt);
        }

        Page acknowledged(PageAcknowledged event, Instant at) {
            return new Page(pageId, ticketId, customerId, severity, cause, level, levelName, round, pagedName,
                    pagedEmail, pagedAt, lastPagedAt, acknowledgeBy, State.ACKNOWLEDGED, event.getAcknowledgedBy(), at,
                    event.getVia().name(), closedAt);
        }

        Page closed(Instant at) {
            return new Page(pageId, ticketId, customerId, severity, cause, level, levelName, round, pagedName,
                    pagedEmail, pagedAt, lastPagedAt, acknowledgeBy, State.CLOSED, acknowledgedBy, acknowledgedAt,
                    acknowledgedVia, at);
        }
    }

    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, Instant> ticketAnsweredAt = new HashMap<>();
    private final Map<String, List<String>> pagesByTicket = new HashMap<>();

    /** Folds the page events of the escalation topic. */
    public final TopicFollower.View<EscalationEvent> escalationView = this::foldEscalation;
    /** Folds first responses and resolutions of the ticket topic. */
    public final TopicFollower.View<TicketEvent> ticketView = this::foldTicket;

    synchronized void foldEscalation(String key, EscalationEvent event) {
        Object payload = event.getPayload();
        Instant at = event.getOccurredAt();
        if (payload instanceof OnCallPaged paged) {
            if (pages.containsKey(paged.getPageId())) {
                return;
            }
            Page page = new Page(paged.getPageId(), event.getTicketId(), event.getCustomerId(),
                    paged.getSeverity().name(), paged.getCause().name(), paged.getLevel(), paged.getLevelName(),
                    paged.getRound(), paged.getPaged().getName(), paged.getPaged().getEmail(), at, at,
                    paged.getAcknowledgeBy(), State.OPEN, null, null, null, null);
            Instant answered = ticketAnsweredAt.get(event.getTicketId());
            pages.put(page.pageId(), answered != null && !answered.isBefore(at) ? page.closed(answered) : page);
            pagesByTicket.computeIfAbsent(event.getTicketId(), t -> new java.util.ArrayList<>()).add(page.pageId());
        } else if (payload instanceof PageReEscalated moved) {
            pages.computeIfPresent(moved.getPageId(), (id, page) -> isLater(moved, page) ? page.reEscalated(moved, at) : page);
        } else if (payload instanceof PageAcknowledged ack) {
            pages.computeIfPresent(ack.getPageId(),
                    (id, page) -> page.state() == State.OPEN ? page.acknowledged(ack, at) : page);
        }
    }

    private static boolean isLater(PageReEscalated moved, Page page) {
        return moved.getRound() > page.round() || (moved.getRound() == page.round() && moved.getLevel() > page.level());
    }

    synchronized void foldTicket(String key, TicketEvent event) {
        Instant at;
        if (event.getPayload() instanceof FirstResponseRecorded response) {
            at = response.getRespondedAt();
        } else if (event.getPayload() instanceof TicketResolved resolved) {
            at = resolved.getResolvedAt();
        } else {
            return;
        }
        ticketAnsweredAt.merge(event.getTicketId(), at, (a, b) -> a.isAfter(b) ? a : b);
        for (String pageId : pagesByTicket.getOrDefault(event.getTicketId(), List.of())) {
            pages.computeIfPresent(pageId, (id, page) -> page.state() == State.OPEN ? page.closed(at) : page);
        }
    }

    public synchronized Optional<Page> find(String pageId) {
        return Optional.ofNullable(pages.get(pageId));
    }

    /** Pages in the state (all when null), latest first. */
    public synchronized List<Page> list(State state) {
        return pages.values().stream().filter(p -> state == null || p.state() == state)
                .sorted(Comparator.comparing(Page::pagedAt).reversed()).toList();
    }
}
