package no.biztek.support.escalation.paging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.escalation.api.Problems;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Acknowledges a page. Before deciding, it reads the topology's page states up to now (so a page
 * acknowledged or closed through another instance a moment ago is refused here too); then it publishes
 * PageAcknowledged (one event id per page) on {@code support.escalation-events.v1}, where the topology
 * reads it and ends the page, and waits until the page board shows the page ended by the topology. The
 * answer is what the topology decided: 200 when this acknowledgement ended the page, 409 when another
 * acknowledgement, the ticket's answer or the withdrawal of the page's cause came first. Kafka not answering
 * in time at any step is a 503 with Retry-After (a retry of an acknowledgement that was recorded is then
 * answered 409 "already acknowledged").
 * Acknowledgements on one instance are serialised.
 */
@Component
public class PageAcknowledger {

    /**
     * What an acknowledgement recorded.
     *
     * @param acknowledgedByToken the name of the API token it was made with; null for a link
     */
    public record Acknowledged(String pageId, String eventId, String acknowledgedBy, int level,
                               String acknowledgedByToken) {
    }

    private final PageBoard board;
    private final TopicFollower<PageState> pageStates;
    private final AcknowledgedPublisher publisher;
    private final Clock clock;
    private final ApiProperties api;
    private final PageEvents events;

    PageAcknowledger(PageBoard board, TopicFollower<PageState> pageStates, AcknowledgedPublisher publisher, Clock clock,
                     ApiProperties api, @Value("${spring.application.name}") String producer) {
        this.board = board;
        this.pageStates = pageStates;
        this.publisher = publisher;
        this.clock = clock;
        this.api = api;
        this.events = new PageEvents(producer);
    }

    /** The page as the topology has committed it up to now; empty when unknown; 503 when Kafka cannot be read. */
    public Optional<PageBoard.Page> current(String pageId) {
        if (!pageStates.awaitCaughtUp(api.lookupTimeout())) {
            throw Problems.unavailable("Could not read the current page states from Kafka in time; try again.",
                    api.retryAfter());
        }
        return board.find(pageId);
    }

    /** The page as far as this instance has read it (reading up to now only when it is not known yet). */
    public Optional<PageBoard.Page> find(String pageId) {
        return pageStates.find(() -> board.find(pageId), api.lookupTimeout());
    }

    /**
     * @param tokenName the name of the API token the request came with (recorded with the acknowledgement in a record
     *                  header, {@link PageEvents#ACKNOWLEDGED_BY_TOKEN_HEADER}); null for a link
     */
    public synchronized Acknowledged acknowledge(String pageId, String acknowledgedBy, AcknowledgementChannel via,
                                                 String tokenName) {
        PageBoard.Page page = current(pageId).orElseThrow(() -> Problems.notFound("No page " + pageId + "."));
        if (page.state() != PageBoard.State.OPEN) {
            throw Problems.conflict(whyNotOpen(page));
        }
        EscalationEvent event = events.acknowledged(pageId, page.ticketId(), page.customerId(), page.level(),
                acknowledgedBy, via, clock.instant());
        RecordHeaders headers = new RecordHeaders();
        if (tokenName != null) {
            headers.add(PageEvents.ACKNOWLEDGED_BY_TOKEN_HEADER, tokenName.getBytes(StandardCharsets.UTF_8));
        }
        publisher.publish(Topics.ESCALATION_EVENTS, page.ticketId(), event, headers);
        PageBoard.Page ended = board.awaitEnded(pageId, api.acknowledgementTimeout()).orElseThrow(() ->
                Problems.unavailable("The acknowledgement was sent, but the page was not confirmed as acknowledged "
                        + "in time; try again (if it was recorded, the answer is that it is already acknowledged).",
                        api.retryAfter()));
        if (ended.state() != PageBoard.State.ACKNOWLEDGED || !acknowledgedBy.equals(ended.acknowledgedBy())
                || !Objects.equals(tokenName, ended.acknowledgedByToken())) {
            throw Problems.conflict(whyNotOpen(ended));
        }
        return new Acknowledged(pageId, event.getEventId(), acknowledgedBy, page.level(), tokenName);
    }

    static String whyNotOpen(PageBoard.Page page) {
        return switch (page.state()) {
            case ACKNOWLEDGED -> "The page was already acknowledged by " + page.acknowledgedBy()
                    + (page.acknowledgedByToken() == null ? "" : " (API token " + page.acknowledgedByToken() + ")")
                    + " at " + page.acknowledgedAt() + ".";
            case WITHDRAWN -> "The page was withdrawn at " + page.withdrawnAt() + " (" + page.withdrawal()
                    + "); there is nothing to acknowledge." + (page.acknowledgedBy() == null ? ""
                    : " It had been acknowledged by " + page.acknowledgedBy() + ".");
            default -> "The page was closed at " + page.closedAt() + ": the ticket got its first response, was "
                    + "resolved or no longer has a severity that pages around the clock.";
        };
    }
}
