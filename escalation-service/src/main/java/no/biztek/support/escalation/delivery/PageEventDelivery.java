package no.biztek.support.escalation.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageClosed;

/**
 * What to deliver of a page event, and delivering it. The page board is read up to now first: it holds the
 * topology's committed page state, so a page is not delivered when the topology has acknowledged, closed, exhausted
 * or withdrawn it, or moved it past that level, nor when its level's time is over. A withdrawal goes to everyone
 * paged for the page, unless it is older than the acknowledgement links' validity (a new consumer group starts at
 * the earliest offset: old news is not news).
 */
final class PageEventDelivery {

    private static final Logger log = LoggerFactory.getLogger(PageEventDelivery.class);

    private final PageDelivery delivery;
    private final OnCallMessages messages;
    private final PageBoard board;
    private final TopicFollower<PageState> pageStates;
    private final Duration lookupTimeout;
    private final Duration newsFor;
    private final Clock clock;

    /**
     * @param lookupTimeout how long to wait for the page board to read up to now
     * @param newsFor       how long a withdrawal is delivered after it happened (the links' validity)
     */
    PageEventDelivery(PageDelivery delivery, OnCallMessages messages, PageBoard board,
                      TopicFollower<PageState> pageStates, Duration lookupTimeout, Duration newsFor, Clock clock) {
        this.delivery = delivery;
        this.messages = messages;
        this.board = board;
        this.pageStates = pageStates;
        this.lookupTimeout = lookupTimeout;
        this.newsFor = newsFor;
        this.clock = clock;
    }

    /** Delivers the page (or withdrawal) unless the topology's state says it no longer needs it. */
    DeliveryOutcome deliver(EscalationEvent event) {
        if (!pageStates.awaitCaughtUp(lookupTimeout)) {
            // a page that goes out twice is better than one that never goes out
            log.warn("Could not read the page states up to now; deciding on page event {} with what is known",
                    event.getEventId());
        }
        if (event.getPayload() instanceof PageClosed closed) {
            return deliverWithdrawal(event, closed);
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
     * Tells everyone paged for the page that its cause was withdrawn, all at the same time; undeliverable when
     * someone could not be reached on any channel.
     */
    private DeliveryOutcome deliverWithdrawal(EscalationEvent event, PageClosed closed) {
        if (clock.instant().isAfter(event.getOccurredAt().plus(newsFor))) {
            log.info("Not delivering the withdrawal of page {}: it is older than {}", closed.getPageId(), newsFor);
            return DeliveryOutcome.DELIVERED;
        }
        List<WithdrawalMessage> withdrawals = messages.withdrawal(event, closed);
        List<PageDelivery.Report> reports = delivery.deliverAll(withdrawals);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < withdrawals.size(); i++) {
            if (!reports.get(i).delivered()) {
                failures.add(withdrawals.get(i).email() + " (" + reports.get(i).failures() + ")");
            }
        }
        return failures.isEmpty() ? DeliveryOutcome.DELIVERED : DeliveryOutcome.undeliverable(event.getTicketId(),
                "withdrawal of page " + closed.getPageId(), "not reached: " + String.join(", ", failures), null);
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
