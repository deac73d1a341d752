package no.biztek.support.escalation.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.streams.Outbound;
import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Keeps the pages of all tickets of a partition (key {@code ticketId|pageId}), their timers (a {@link TimerIndex},
 * {@link PageTimers}) and what paging knows of each ticket (key ticketId); {@link PagingRules} decide, this processor
 * reads the stores, asks the rules and applies their {@link Decision}. A wall-clock punctuator fires the due timers by
 * the injected clock, at most {@code maxTimersPerPunctuation} each time; the stores are changelogged, so timers survive
 * restarts and rebalances.
 */
final class PagingProcessor implements Processor<String, Object, String, Outbound> {

    private static final Logger log = LoggerFactory.getLogger(PagingProcessor.class);
    private static final StringSerializer KEYS = new StringSerializer();

    private final PagingRules rules;
    private final PagingTopology.Settings settings;
    private final Supplier<Instant> clock;
    private final PagingMetrics metrics;

    private ProcessorContext<String, Outbound> context;
    private KeyValueStore<String, PageState> pages;
    private TimerIndex timers;
    private KeyValueStore<String, TicketState> tickets;

    PagingProcessor(PagingRules rules, PagingTopology.Settings settings, Supplier<Instant> clock,
                    PagingMetrics metrics) {
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
        this.pages = context.getStateStore(PagingTopology.PAGES_STORE);
        this.tickets = context.getStateStore(PagingTopology.TICKETS_STORE);
        KeyValueStore<Bytes, byte[]> timerStore = context.getStateStore(PagingTopology.TIMERS_STORE);
        PageTimers.rebuildOlderLayout(timerStore, pages, tickets);
        this.timers = new TimerIndex(timerStore);
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
    }

    @Override
    public void process(Record<String, Object> record) {
        Object value = record.value();
        Instant now = clock.get();
        if (value instanceof TicketEvent ticket) {
            String ticketId = ticket.getTicketId();
            apply(rules.onTicketEvent(ticket, tickets.get(ticketId), pagesOf(ticketId), now), now);
        } else if (value instanceof SlaEvent sla) {
            String ticketId = sla.getTicketId();
            apply(rules.onSlaEvent(sla, tickets.get(ticketId), pagesOf(ticketId), now), now);
        } else if (value instanceof EscalationEvent escalationEvent
                && escalationEvent.getPayload() instanceof PageAcknowledged ack) {
            PageState page = pages.get(PageTimers.pageKey(escalationEvent.getTicketId(), ack.getPageId()));
            apply(rules.onAcknowledged(escalationEvent, ack, tokenName(record.headers()), page), now);
        } else if (value instanceof PageCommand command) {
            apply(rules.onCommand(command, pages.get(PageTimers.pageKey(command.ticketId(), command.pageId())), now),
                    now);
        }
    }

    private void fireDueTimers() {
        Instant now = clock.get();
        for (Timer timer : timers.due(now, settings.maxTimersPerPunctuation())) {
            Decision decision = timer.is(PageTimers.PURGE_TICKET)
                    ? rules.onTicketTimer(timer, tickets.get(timer.key()))
                    : rules.onPageTimer(timer, pages.get(timer.key()), now);
            apply(decision, now);
        }
    }

    private void apply(Decision decision, Instant now) {
        for (Decision.Note note : decision.notes()) {
            log.atLevel(note.level()).log(note.text());
        }
        if (decision.ticket() != null) {
            tickets.put(decision.ticketId(), decision.ticket());
        }
        if (decision.forgetTicket()) {
            tickets.delete(decision.ticketId());
        }
        decision.cancelledTimers().forEach(timers::cancel);
        decision.timers().forEach(timers::schedule);
        decision.pages().forEach(page -> pages.put(PageTimers.pageKey(page.ticketId(), page.pageId()), page));
        decision.purgedPages().forEach(page -> pages.delete(PageTimers.pageKey(page.ticketId(), page.pageId())));
        for (EscalationEvent event : decision.events()) {
            context.forward(new Record<>(decision.ticketId(), Outbound.of(Topics.ESCALATION_EVENTS, event),
                    now.toEpochMilli()));
        }
        decision.counts().forEach(count -> count.countOn(metrics));
    }

    /** The API token an acknowledgement was made with ({@link PageEvents#ACKNOWLEDGED_BY_TOKEN_HEADER}), or null. */
    private static String tokenName(Headers headers) {
        Header header = headers.lastHeader(PageEvents.ACKNOWLEDGED_BY_TOKEN_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private List<PageState> pagesOf(String ticketId) {
        List<PageState> found = new ArrayList<>();
        try (KeyValueIterator<String, PageState> it = pages.prefixScan(ticketId + "|", KEYS)) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }
}
