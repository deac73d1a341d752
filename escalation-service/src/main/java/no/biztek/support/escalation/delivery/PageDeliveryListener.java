package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.ApiProperties;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.publish.EventPublisher;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Delivers the pages the topology emits (OnCallPaged, PageReEscalated), at least once: a consumer group
 * of its own on {@code support.escalation-events.v1} (committed records only), offsets committed after
 * delivery. A page is not delivered when this instance's page board (read up to the page event) shows
 * it acknowledged, closed or already moved past that level, or when its level's time is over; an event
 * delivered before (by id) is not delivered again while the instance runs.
 *
 * <p>A page no channel took is counted ({@code support_oncall_delivery_failures_total}), written to
 * {@code support.escalation-events.v1.DLT} with the reason and original coordinates, and a
 * DELIVERY_FAILED command tells the topology to move the page on to the next level at once.
 */
final class PageDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(PageDeliveryListener.class);
    private static final int REMEMBERED_EVENTS = 10_000;

    private final PageDelivery delivery;
    private final PageBoard board;
    private final TopicFollower<EscalationEvent> follower;
    private final EventPublisher publisher;
    private final Topic<String, PageCommand> commands;
    private final AckTokens tokens;
    private final PagingProperties paging;
    private final Map<String, URI> webhooks;
    private final ApiProperties api;
    private final Clock clock;
    private final MeterRegistry registry;
    private final String service;
    private final Set<String> delivered = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    });

    PageDeliveryListener(PageDelivery delivery, PageBoard board, TopicFollower<EscalationEvent> follower,
                         EventPublisher publisher, Topic<String, PageCommand> commands, AckTokens tokens,
                         PagingProperties paging, ApiProperties api, Clock clock, MeterRegistry registry,
                         String service) {
        this.delivery = delivery;
        this.board = board;
        this.follower = follower;
        this.publisher = publisher;
        this.commands = commands;
        this.tokens = tokens;
        this.paging = paging;
        this.webhooks = Webhooks.byEmail(paging);
        this.api = api;
        this.clock = clock;
        this.registry = registry;
        this.service = service;
        Counter.builder("support.oncall.delivery.failures")
                .description("Pages that no channel could take; they move on to the next level").register(registry);
    }

    @KafkaListener(id = "page-delivery", containerFactory = "deliveryContainerFactory",
            topics = "#{T(no.biztek.support.schemas.topic.Topics).ESCALATION_EVENTS.name()}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        EscalationEvent event;
        try {
            event = Topics.ESCALATION_EVENTS.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return; // the topology dead-letters undecodable records of this topic
        }
        if (event == null || !(event.getPayload() instanceof OnCallPaged || event.getPayload() instanceof PageReEscalated)) {
            return;
        }
        synchronized (delivered) {
            if (delivered.contains(event.getEventId())) {
                return;
            }
        }
        follower.awaitRead(record.partition(), record.offset(), api.lookupTimeout());
        PageMessage message = message(event);
        Optional<String> skip = skipReason(message);
        if (skip.isPresent()) {
            log.info("Not delivering page {} (level {}, round {}): {}", message.pageId(), message.level(),
                    message.round(), skip.get());
        } else {
            PageDelivery.Report report = delivery.deliver(message);
            if (!report.delivered()) {
                undeliverable(record, message, report.failures());
            }
        }
        synchronized (delivered) {
            delivered.add(event.getEventId());
        }
    }

    private Optional<String> skipReason(PageMessage message) {
        Optional<PageBoard.Page> page = board.find(message.pageId());
        if (page.isPresent()) {
            PageBoard.Page p = page.get();
            if (p.state() != PageBoard.State.OPEN) {
                return Optional.of("it is " + p.state().name().toLowerCase());
            }
            if (p.round() > message.round() || (p.round() == message.round() && p.level() > message.level())) {
                return Optional.of("it has moved on to level " + p.level() + ", round " + p.round());
            }
        }
        if (clock.instant().isAfter(message.acknowledgeBy())) {
            return Optional.of("its acknowledgement time ended at " + message.acknowledgeBy());
        }
        return Optional.empty();
    }

    private void undeliverable(ConsumerRecord<String, byte[]> record, PageMessage message, String failures) {
        log.error("Page {} for ticket {} could not be delivered to {} at level {}: {}", message.pageId(),
                message.ticketId(), message.email(), message.level(), failures);
        registry.counter("support.oncall.delivery.failures").increment();
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> deadLetter = DeadLetters.of(Topics.ESCALATION_EVENTS, record.partition(),
                record.offset(), key, record.value(), record.headers(),
                new PageUndeliverableException(message, failures), service);
        publisher.send(new ProducerRecord<>(deadLetter.topic(), null, message.ticketId(), deadLetter.value(),
                deadLetter.headers()));
        publisher.send(new ProducerRecord<>(commands.name(), message.ticketId(), new PageCommand(
                PageCommand.Type.DELIVERY_FAILED, message.pageId(), message.ticketId(), message.level(),
                message.round(), failures, clock.instant())));
    }

    private PageMessage message(EscalationEvent event) {
        Instant now = clock.instant();
        if (event.getPayload() instanceof OnCallPaged paged) {
            return message(event, paged.getPageId(), paged.getSeverity().name(), paged.getCause().name(),
                    paged.getLevel(), paged.getLevelName(), paged.getRound(), null, paged.getPaged().getName(),
                    paged.getPaged().getEmail(), paged.getAcknowledgeBy(), now);
        }
        PageReEscalated moved = (PageReEscalated) event.getPayload();
        Optional<PageBoard.Page> known = board.find(moved.getPageId());
        return message(event, moved.getPageId(), known.map(PageBoard.Page::severity).orElse("UNKNOWN"),
                known.map(PageBoard.Page::cause).orElse("OTHER"), moved.getLevel(), moved.getLevelName(),
                moved.getRound(), moved.getReason().name(), moved.getPaged().getName(), moved.getPaged().getEmail(),
                moved.getAcknowledgeBy(), now);
    }

    private PageMessage message(EscalationEvent event, String pageId, String severity, String cause, int level,
                                String levelName, int round, String reason, String name, String email,
                                Instant acknowledgeBy, Instant now) {
        String token = tokens.issue(pageId, email, now.plus(paging.ackLink().validFor()));
        URI ackUrl = URI.create(paging.ackLink().baseUrl().toString().replaceAll("/+$", "") + "/ack/" + token);
        return new PageMessage(event.getEventId(), pageId, event.getTicketId(), event.getCustomerId(), severity,
                cause, level, levelName, round, reason, name, email, webhooks.get(email.toLowerCase()),
                acknowledgeBy, ackUrl);
    }

    /** The reason written into the dead letter of an undeliverable page. */
    static final class PageUndeliverableException extends RuntimeException {
        PageUndeliverableException(PageMessage message, String failures) {
            super("page " + message.pageId() + " to " + message.email() + " at level " + message.level() + ", round "
                    + message.round() + " could not be delivered: " + failures);
        }
    }
}
