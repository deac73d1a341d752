package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Delivers the pages the topology emits (OnCallPaged, PageReEscalated), and the withdrawals of pages (PageClosed,
 * CAUSE_WITHDRAWN: to everyone paged for the page), at least once: a consumer group of its own on
 * {@code support.escalation-events.v1} (committed records only), offsets committed after delivery. Before
 * delivering, the page board is read up to now: it holds the topology's committed page state, so a page is not
 * delivered when the topology has acknowledged, closed, exhausted or withdrawn it, or moved it past that level,
 * nor when its level's time is over. A withdrawal is not delivered once it is older than the acknowledgement
 * links' validity (a new group starts at the earliest offset: old news is not news). Other PageClosed reasons are
 * not delivered. An event handled before (by id) is not delivered again while the instance runs.
 *
 * <p>A page no channel took, or a withdrawal that did not reach everyone paged, is recorded as handled first (so
 * a redelivered record never delivers it or counts it again), then counted
 * ({@code support_oncall_delivery_failures_total}), written to {@code support.escalation-events.v1.DLT} with the
 * reason and original coordinates (counted in {@code support_dead_letters_total}), and for a page a
 * DELIVERY_FAILED command tells the topology to move the page on to the next level at once. When writing those
 * fails, the record is retried by the error handler and only what was not written yet is written.
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

    /**
     * What became of a page event; an undeliverable one remembers what is still to be written.
     *
     * @see #DELIVERED
     */
    private static final class Handled {
        final String ticketId;
        /** e.g. "page p to nora@... at level 1, round 1"; null when delivered or not to be delivered. */
        final String what;
        final String failures;
        /** Moves an undeliverable page on; null for a withdrawal. */
        final PageCommand command;
        volatile boolean deadLettered;
        volatile boolean commanded;

        Handled(String ticketId, String what, String failures, PageCommand command) {
            this.ticketId = ticketId;
            this.what = what;
            this.failures = failures;
            this.command = command;
        }

        boolean undeliverable() {
            return failures != null;
        }
    }

    /** Delivered, or not to be delivered. */
    private static final Handled DELIVERED = new Handled(null, null, null, null);

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
                .description("Pages no channel could take (they move on to the next level), and withdrawals of pages "
                        + "that did not reach everyone paged").register(registry);
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
        if (event == null || !delivered(event.getPayload())) {
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
                log.error("The {} (ticket {}) could not be delivered: {}", outcome.what, outcome.ticketId,
                        outcome.failures);
                deliveryFailures.increment();
            }
        }
        if (outcome.undeliverable()) {
            report(record, outcome);
        }
    }

    /** The events this listener delivers: pages, and withdrawals of pages. */
    private static boolean delivered(Object payload) {
        return payload instanceof OnCallPaged || payload instanceof PageReEscalated
                || payload instanceof PageClosed closed && closed.getReason() == PageCloseReason.CAUSE_WITHDRAWN;
    }

    /** Delivers the page (or withdrawal) unless the topology's state says it no longer needs it. */
    private Handled handle(EscalationEvent event) {
        if (!pageStates.awaitCaughtUp(api.lookupTimeout())) {
            // a page that goes out twice is better than one that never goes out
            log.warn("Could not read the page states up to now; deciding on page event {} with what is known",
                    event.getEventId());
        }
        if (event.getPayload() instanceof PageClosed closed) {
            return handleWithdrawal(event, closed);
        }
        PageMessage message = message(event);
        Optional<String> skip = skipReason(message);
        if (skip.isPresent()) {
            log.info("Not delivering page {} (level {}, round {}): {}", message.pageId(), message.level(),
                    message.round(), skip.get());
            return DELIVERED;
        }
        PageDelivery.Report report = delivery.deliver(message);
        if (report.delivered()) {
            return DELIVERED;
        }
        return new Handled(message.ticketId(), "page " + message.pageId() + " to " + message.email() + " at level "
                + message.level() + ", round " + message.round(), report.failures(), new PageCommand(
                PageCommand.Type.DELIVERY_FAILED, message.pageId(), message.ticketId(), message.level(),
                message.round(), report.failures(), clock.instant()));
    }

    /**
     * Tells everyone paged for the page that its cause was withdrawn, all at the same time; undeliverable when
     * someone could not be reached on any channel.
     */
    private Handled handleWithdrawal(EscalationEvent event, PageClosed closed) {
        Instant newsUntil = event.getOccurredAt().plus(paging.ackLink().validFor());
        if (clock.instant().isAfter(newsUntil)) {
            log.info("Not delivering the withdrawal of page {}: it is older than {}", closed.getPageId(),
                    paging.ackLink().validFor());
            return DELIVERED;
        }
        String severity = board.find(closed.getPageId()).map(PageBoard.Page::severity).orElse("UNKNOWN");
        List<WithdrawalMessage> messages = closed.getPagedPeople().stream()
                .map(person -> new WithdrawalMessage(event.getEventId(), closed.getPageId(), event.getTicketId(),
                        event.getCustomerId(), severity, closed.getExplanation(), closed.getSupersededEventId(),
                        person.getName(), person.getEmail(),
                        webhooks.get(person.getEmail().toLowerCase(Locale.ROOT))))
                .toList();
        List<PageDelivery.Report> reports = delivery.deliverAll(messages);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (!reports.get(i).delivered()) {
                failures.add(messages.get(i).email() + " (" + reports.get(i).failures() + ")");
            }
        }
        return failures.isEmpty() ? DELIVERED : new Handled(event.getTicketId(), "withdrawal of page "
                + closed.getPageId(), "not reached: " + String.join(", ", failures), null);
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

    /**
     * Writes what is still to be written for an undeliverable page or withdrawal: its dead letter, then (a page)
     * its command.
     */
    private void report(ConsumerRecord<String, byte[]> record, Handled outcome) {
        if (!outcome.deadLettered) {
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            ProducerRecord<byte[], byte[]> deadLetter = DeadLetters.of(Topics.ESCALATION_EVENTS, record.partition(),
                    record.offset(), key, record.value(), record.headers(),
                    new PageUndeliverableException(outcome.what, outcome.failures), service);
            sender.send(new ProducerRecord<>(deadLetter.topic(), null, outcome.ticketId, deadLetter.value(),
                    deadLetter.headers()));
            outcome.deadLettered = true;
            deadLetters.deadLettered(Topics.ESCALATION_EVENTS.name());
        }
        if (outcome.command != null && !outcome.commanded) {
            sender.send(new ProducerRecord<>(commands.name(), outcome.ticketId, outcome.command));
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

    /** The reason written into the dead letter of an undeliverable page or withdrawal. */
    static final class PageUndeliverableException extends RuntimeException {
        PageUndeliverableException(String what, String failures) {
            super(what + " could not be delivered: " + failures);
        }
    }
}
