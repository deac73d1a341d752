package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Delivers the pages the topology emits (OnCallPaged, PageReEscalated), at least once: a consumer group
 * of its own on {@code support.escalation-events.v1} (committed records only), offsets committed after
 * delivery. Before delivering, the page board is read up to now: it holds the topology's committed page
 * state, so a page is not delivered when the topology has acknowledged, closed or exhausted it, or moved
 * it past that level, nor when its level's time is over. An event handled before (by id) is not
 * delivered again while the instance runs.
 *
 * <p>A page no channel took is recorded as handled first (so a redelivered record never delivers it or
 * counts it again), then counted ({@code support_oncall_delivery_failures_total}), written to
 * {@code support.escalation-events.v1.DLT} with the reason and original coordinates (counted in
 * {@code support_dead_letters_total}), and a DELIVERY_FAILED command tells the topology to move the page
 * on to the next level at once. When writing those fails, the record is retried by the error handler and
 * only what was not written yet is written.
 */
final class PageDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(PageDeliveryListener.class);
    static final String ID = "page-delivery";
    private static final int REMEMBERED_EVENTS = 10_000;

    /** Writes one record and returns once Kafka acknowledged it (throws otherwise). */
    @FunctionalInterface
    interface Sender {
        void send(ProducerRecord<Object, Object> record);
    }

    /** What became of a page event; an undeliverable one remembers what is still to be written. */
    private static final class Handled {
        final PageMessage message;
        final String failures;
        volatile boolean deadLettered;
        volatile boolean commanded;

        Handled(PageMessage message, String failures) {
            this.message = message;
            this.failures = failures;
        }

        boolean undeliverable() {
            return failures != null;
        }
    }

    private final PageDelivery delivery;
    private final PageBoard board;
    private final TopicFollower<PageState> pageStates;
    private final Sender sender;
    private final Topic<String, PageCommand> commands;
    private final AckTokens tokens;
    private final PagingProperties paging;
    private final Map<String, URI> webhooks;
    private final ApiProperties api;
    private final Clock clock;
    private final Counter deliveryFailures;
    private final DeadLetterMetrics deadLetters;
    private final String service;
    private final Map<String, Handled> handled = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Handled> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };

    PageDeliveryListener(PageDelivery delivery, PageBoard board, TopicFollower<PageState> pageStates, Sender sender,
                         Topic<String, PageCommand> commands, AckTokens tokens, PagingProperties paging,
                         ApiProperties api, Clock clock, MeterRegistry registry, DeadLetterMetrics deadLetters,
                         String service) {
        this.delivery = delivery;
        this.board = board;
        this.pageStates = pageStates;
        this.sender = sender;
        this.commands = commands;
        this.tokens = tokens;
        this.paging = paging;
        this.webhooks = Webhooks.byEmail(paging);
        this.api = api;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.service = service;
        this.deliveryFailures = Counter.builder("support.oncall.delivery.failures")
                .description("Pages that no channel could take; they move on to the next level").register(registry);
    }

    @KafkaListener(id = ID, containerFactory = "deliveryContainerFactory",
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
        Handled outcome;
        synchronized (handled) {
            outcome = handled.get(event.getEventId());
        }
        if (outcome == null) {
            outcome = handle(event);
            synchronized (handled) {
                handled.put(event.getEventId(), outcome);
            }
            if (outcome.undeliverable()) {
                log.error("Page {} for ticket {} could not be delivered to {} at level {}: {}",
                        outcome.message.pageId(), outcome.message.ticketId(), outcome.message.email(),
                        outcome.message.level(), outcome.failures);
                deliveryFailures.increment();
            }
        }
        if (outcome.undeliverable()) {
            report(record, outcome);
        }
    }

    /** Delivers the page unless the topology's state says it no longer needs it. */
    private Handled handle(EscalationEvent event) {
        if (!pageStates.awaitCaughtUp(api.lookupTimeout())) {
            // a page that goes out twice is better than one that never goes out
            log.warn("Could not read the page states up to now; deciding on page event {} with what is known",
                    event.getEventId());
        }
        PageMessage message = message(event);
        Optional<String> skip = skipReason(message);
        if (skip.isPresent()) {
            log.info("Not delivering page {} (level {}, round {}): {}", message.pageId(), message.level(),
                    message.round(), skip.get());
            return new Handled(message, null);
        }
        PageDelivery.Report report = delivery.deliver(message);
        return new Handled(message, report.delivered() ? null : report.failures());
    }

    private Optional<String> skipReason(PageMessage message) {
        Optional<PageBoard.Page> page = board.find(message.pageId());
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
        if (clock.instant().isAfter(message.acknowledgeBy())) {
            return Optional.of("its acknowledgement time ended at " + message.acknowledgeBy());
        }
        return Optional.empty();
    }

    /** Writes what is still to be written for an undeliverable page: its dead letter, then its command. */
    private void report(ConsumerRecord<String, byte[]> record, Handled outcome) {
        PageMessage message = outcome.message;
        if (!outcome.deadLettered) {
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> deadLetter = DeadLetters.of(Topics.ESCALATION_EVENTS, record.partition(),
                    record.offset(), key, record.value(), record.headers(),
                    new PageUndeliverableException(message, outcome.failures), service);
            sender.send(new ProducerRecord<>(deadLetter.topic(), null, message.ticketId(), deadLetter.value(),
                    deadLetter.headers()));
            outcome.deadLettered = true;
            deadLetters.deadLettered(Topics.ESCALATION_EVENTS.name());
        }
        if (!outcome.commanded) {
            sender.send(new ProducerRecord<>(commands.name(), message.ticketId(), new PageCommand(
                    PageCommand.Type.DELIVERY_FAILED, message.pageId(), message.ticketId(), message.level(),
                    message.round(), outcome.failures, clock.instant())));
            outcome.commanded = true;
        }
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
