package no.biztek.support.escalation.board;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.kafka.timer.PeriodicTasks;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.board.BoardLink;
import no.biztek.support.schemas.topic.Topics;

/** The live SLA board: its view of the SLA clocks, the stream, the kiosk links on their topic, the clients gauge. */
@Configuration(proxyBeanMethods = false)
class BoardConfiguration {

    /** The zone the board's days (and so its calendar windows) start in, as everywhere people read times. */
    static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    @Bean
    BoardView boardView(Clock clock, BoardProperties properties) {
        return new BoardView(clock, properties.staleClockRetention());
    }

    @Bean
    BoardFeed boardFeed(BoardView view, ObjectProvider<TicketFactsLookup> facts, PageBoard pages,
                        PlanCatalogue plans, BoardProperties properties, Clock clock) {
        Calendars calendars = new Calendars(plans, ZONE, properties.calendarPastDays(),
                properties.calendarFutureDays());
        // the facts lookup awaits the followers, which feed the board: looked up when first needed
        return new BoardFeed(view, c -> facts.getObject().of(c.ticketId(), c.customerId()), () -> pages.list(null), calendars,
                clock, properties.bufferSize());
    }

    /** What else changes a row: a ticket's facts (its title), its pages, a customer's name. */
    @Bean
    BoardTouches boardTouches(BoardFeed feed) {
        return new BoardTouches(feed);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService boardSenders(BoardProperties properties) {
        return Executors.newFixedThreadPool(properties.senderThreads(), daemon("board-sender"));
    }

    @Bean
    BoardStreams boardStreams(BoardFeed feed, ExecutorService boardSenders, BoardProperties properties, Clock clock) {
        return new BoardStreams(feed, boardSenders, properties.clientQueue(), properties.emitterTimeout(), clock);
    }

    /** Gathers changes into deltas and sends heartbeats, on its own thread; open streams close at the stop. */
    @Bean
    PeriodicTasks boardDispatcher(BoardFeed feed, BoardStreams streams, BoardProperties properties) {
        return new PeriodicTasks("board-dispatch", List.of(
                new PeriodicTasks.Task("board dispatch", properties.dispatchInterval(), feed::dispatch),
                new PeriodicTasks.Task("board heartbeat", properties.heartbeatInterval(), streams::heartbeat)),
                streams::closeAll);
    }

    /** {@code support_board_clients}: boards connected to this instance. */
    @Bean
    Gauge boardClientsGauge(MeterRegistry registry, BoardStreams streams) {
        return Gauge.builder("support.board.clients", streams, BoardStreams::clients)
                .description("Live SLA boards (browsers and API clients) connected to this instance")
                .register(registry);
    }

    @Bean
    BoardLinks boardLinks(Clock clock, BoardProperties properties) {
        return new BoardLinks(clock, properties.expiredLinkRetention());
    }

    @Bean
    TopicFollower<BoardLink> boardLinkFollower(KafkaProperties kafka, BoardLinks links) {
        return new TopicFollower<>(Topics.BOARD_LINKS, TopicFollower.consumers(kafka, "escalation-board-links"),
                List.of(links));
    }

    @Bean
    LinkTokens boardLinkTokens(AckTokens ackTokens) {
        return new LinkTokens(ackTokens.forPurpose(LinkTokens.PURPOSE));
    }

    @Bean
    LinkWriter boardLinkWriter(AcknowledgedPublisher publisher, TopicFollower<BoardLink> boardLinkFollower,
                               BoardLinks links, LinkTokens tokens, BoardProperties properties, ApiProperties api,
                               Clock clock) {
        return new LinkWriter(publisher, boardLinkFollower, links, tokens, properties.maxLinkValidity(),
                api.lookupTimeout(), api.retryAfter(), clock);
    }

    @Bean
    BoardUrls boardUrls(PagingProperties paging) {
        return new BoardUrls(paging.ackLink().baseUrl().toString());
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
