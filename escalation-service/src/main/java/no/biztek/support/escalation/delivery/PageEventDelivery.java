package no.biztek.support.escalation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageClosed;

/**
 * What to deliver of a page event, and delivering it. The page board is read up to now first: it holds the
 * topology's committed page state, so a page is not delivered when the topology has acknowledged, closed, exhausted
 * or withdrawn it, or moved it past that level, nor when its level's time is over. The end of a page (acknowledged,
 * closed, withdrawn) goes to everyone paged for it, unless it is older than the acknowledgement links' validity (a new consumer group starts at
 * the earliest offset: old news is not news).
 */
final class PageEventDelivery {

    private static final Logger log = LoggerFactory.getLogger(PageEventDelivery.class);

    private final PageDelivery delivery;
    private final OnCallMessages messages;
    private final PageBoard board;
    private final TicketFactsLookup facts;
    private final TopicFollower<PageState> pageStates;
    private final Duration lookupTimeout;
    private final Duration newsFor;
    private final Clock clock;

    /**
     * @param lookupTimeout how long to wait for the page board to read up to now
     * @param newsFor       how long the end of a page is told after it happened (the links' validity)
     */
    PageEventDelivery(PageDelivery delivery, OnCallMessages messages, PageBoard board, TicketFactsLookup facts,
                      TopicFollower<PageState> pageStates, Duration lookupTimeout, Duration newsFor, Clock clock) {
        this.delivery = delivery;
        this.messages = messages;
        this.board = board;
        this.facts = facts;
        this.pageStates = pageStates;
        this.lookupTimeout = lookupTimeout;
        this.newsFor = newsFor;
        this.clock = clock;
    }

    /** Delivers the page (or the end of one) unless the topology's state says it no longer needs it. */
    DeliveryOutcome deliver(EscalationEvent event) {
        if (!pageStates.awaitCaughtUp(lookupTimeout)) {
            // a page that goes out twice is better than one that never goes out
            log.warn("Could not read the page states up to now; deciding on page event {} with what is known",
                    event.getEventId());
        }
        if (!facts.awaitCurrent(lookupTimeout)) {
            log.warn("Could not read the ticket, customer and SLA views up to now; page event {} tells what is known",
                    event.getEventId());
        }
        if (event.getPayload() instanceof PageClosed || event.getPayload() instanceof PageAcknowledged) {
            return deliverEnding(event);
        }
        PageMessage message = messages.page(event, clock.instant());
        Optional<String> skip = skipReason(message, board.find(message.pageId()), clock.instant());
        if (skip.isPresent()) {
            log.info("Not delivering page {} (level {}, round {}): {}", message.pageId(), message.level(),
                    message.round(), skip.get());
            return DeliveryOutcome.DELIVERED;
        }
        PageDelivery.Report report = delivery.deliver(message);
        if (report.delivered()) {
            return DeliveryOutcome.DELIVERED;
        }
        return DeliveryOutcome.undeliverable(message.ticketId(), "page " + message.pageId() + " to " + message.email()
                + " at level " + message.level() + ", round " + message.round(), report.failures(), new PageCommand(
                PageCommand.Type.DELIVERY_FAILED, message.pageId(), message.ticketId(), message.level(),
                message.round(), report.failures(), clock.instant()));
    }

    /**
     * Tells everyone paged for the page that it ended (acknowledged, closed or withdrawn), all at the same time;
     * undeliverable when someone could not be reached on any channel. Old news (older than the links' validity) is
     * not told.
     */
    private DeliveryOutcome deliverEnding(EscalationEvent event) {
        if (clock.instant().isAfter(event.getOccurredAt().plus(newsFor))) {
            log.info("Not telling the end of page event {}: it is older than {}", event.getEventId(), newsFor);
            return DeliveryOutcome.DELIVERED;
        }
        if (event.getPayload() instanceof PageAcknowledged acknowledged) {
            Optional<String> notTaken = notTaken(acknowledged, board.awaitEnded(acknowledged.getPageId(),
                    lookupTimeout));
            if (notTaken.isPresent()) {
                log.info("Not telling the acknowledgement {} of page {}: {}", event.getEventId(),
                        acknowledged.getPageId(), notTaken.get());
                return DeliveryOutcome.DELIVERED;
            }
        }
        List<PageEndedMessage> endings = messages.ended(event);
        List<PageDelivery.Report> reports = delivery.deliverAll(endings);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < endings.size(); i++) {
            if (!reports.get(i).delivered()) {
                failures.add(endings.get(i).email() + " (" + reports.get(i).failures() + ")");
            }
        }
        String what = switch (endings.isEmpty() ? PageEndedMessage.Ending.CLOSED : endings.get(0).ending()) {
            case ACKNOWLEDGED -> "acknowledgement notice";
            case CLOSED -> "closing notice";
            case WITHDRAWN -> "withdrawal";
        } + (endings.isEmpty() ? "" : " of page " + endings.get(0).pageId());
        return failures.isEmpty() ? DeliveryOutcome.DELIVERED : DeliveryOutcome.undeliverable(event.getTicketId(),
                what, "not reached: " + String.join(", ", failures), null);
    }

    /**
     * Why an acknowledgement is not news: the topology did not take it (the page had ended otherwise first, or someone
     * else's acknowledgement came first), as the page board shows once the page ended; empty when it did.
     */
    static Optional<String> notTaken(PageAcknowledged acknowledged, Optional<PageBoard.Page> ended) {
        if (ended.isEmpty()) {
            return Optional.of("the page board does not show it ended");
        }
        PageBoard.Page page = ended.get();
        if (page.state() != PageBoard.State.ACKNOWLEDGED) {
            return Optional.of("the page is " + page.state().name().toLowerCase(Locale.ROOT));
        }
        if (!acknowledged.getAcknowledgedBy().equalsIgnoreCase(page.acknowledgedBy())) {
            return Optional.of("it was acknowledged by someone else first");
        }
        return Optional.empty();
    }

    /** Why the page need not go out, as the page board (empty: it does not know the page) and the time say. */
    static Optional<String> skipReason(PageMessage message, Optional<PageBoard.Page> page, Instant now) {
        if (page.isPresent()) {
            PageBoard.Page p = page.get();
            if (p.state() != PageBoard.State.OPEN) {
                return Optional.of("it is " + p.state().name().toLowerCase());
            }
            if (p.exhausted()) {
                return Optional.of("it is exhausted");
            }
            if (p.round() > message.round() || (p.round() == message.round() && p.level() > message.level())) {
                return Optional.of("it has moved on to level " + p.level() + ", round " + p.round());
            }
        }
        if (now.isAfter(message.acknowledgeBy())) {
            return Optional.of("its acknowledgement time ended at " + message.acknowledgeBy());
        }
        return Optional.empty();
    }
}
