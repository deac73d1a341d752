package no.biztek.support.escalation.paging;

import java.time.Clock;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import no.biztek.support.escalation.ApiProperties;
import no.biztek.support.escalation.Problems;
import no.biztek.support.escalation.publish.EventPublisher;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Acknowledges a page: checks it awaits an acknowledgement, publishes PageAcknowledged (one event id per
 * page) on {@code support.escalation-events.v1}, where the topology reads it and stops the page's
 * timer, and waits until this instance's page board has read it back (so the next click is refused).
 * Acknowledgements on one instance are serialised; two instances acknowledging the same page at the
 * same moment both publish, with the same event id, and the topology applies the first.
 */
@Component
public class PageAcknowledger {

    /** What an acknowledgement recorded. */
    public record Acknowledged(String pageId, String eventId, String acknowledgedBy, int level) {
    }

    private final PageBoard board;
    private final TopicFollower<EscalationEvent> follower;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ApiProperties api;
    private final PageEvents events;

    PageAcknowledger(PageBoard board, TopicFollower<EscalationEvent> escalationFollower, EventPublisher publisher,
                     Clock clock, ApiProperties api, @Value("${spring.application.name}") String producer) {
        this.board = board;
        this.follower = escalationFollower;
        this.publisher = publisher;
        this.clock = clock;
        this.api = api;
        this.events = new PageEvents(producer);
    }

    /** The page as far as any instance has written it; empty when unknown. */
    public java.util.Optional<PageBoard.Page> find(String pageId) {
        return follower.find(() -> board.find(pageId), api.lookupTimeout());
    }

    public synchronized Acknowledged acknowledge(String pageId, String acknowledgedBy, AcknowledgementChannel via) {
        PageBoard.Page page = find(pageId).orElseThrow(() -> Problems.notFound("No page " + pageId + "."));
        if (page.state() != PageBoard.State.OPEN) {
            throw Problems.conflict(whyNotOpen(page));
        }
        EscalationEvent event = events.acknowledged(pageId, page.ticketId(), page.customerId(), page.level(),
                acknowledgedBy, via, clock.instant());
        RecordMetadata written = publisher.publish(Topics.ESCALATION_EVENTS, page.ticketId(), event);
        follower.readBack(written, api.lookupTimeout());
        return new Acknowledged(pageId, event.getEventId(), acknowledgedBy, page.level());
    }

    static String whyNotOpen(PageBoard.Page page) {
        return page.state() == PageBoard.State.ACKNOWLEDGED
                ? "The page was already acknowledged by " + page.acknowledgedBy() + " at " + page.acknowledgedAt() + "."
                : "The page was closed at " + page.closedAt() + ": the ticket got its first response or was resolved.";
    }
}
