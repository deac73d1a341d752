package no.biztek.support.escalation.paging;

import static no.biztek.support.escalation.TestEvents.resolved;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import no.biztek.support.testing.MutableClock;
import no.biztek.support.kafka.streams.Outbound;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.topic.Topics;

/**
 * A {@code page-timers} store written before the timer index (string keys {@code %013d|ticketId|pageId}, the kind as
 * the value; pages and tickets keeping those keys) is rebuilt once from the pages and tickets, and its timers fire.
 */
class OlderTimerLayoutTest {

    /** Tuesday 3 March 2026, 02:00 in Oslo: Nora is on call, Kari is secondary. */
    private static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");
    private static final Instant ESCALATION_DUE = NIGHT.plus(Duration.ofMinutes(15));
    private static final Instant RESOLVED = NIGHT.plus(Duration.ofMinutes(5));
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String OPEN_TICKET = "ticket-open";
    private static final String RESOLVED_TICKET = "ticket-resolved";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PagingProperties PAGING = TestPaging.properties();

    private final PagingRules rules = new PagingRules(PolicyFile.defaultPolicy(),
            new EscalationPolicy(PAGING.policy(), new OnCallSchedule(PAGING.schedule())), PAGING.breachLevels(),
            RETENTION, "escalation-service");
    private final MockProcessorContext<String, Outbound> context = new MockProcessorContext<>();
    private final KeyValueStore<Bytes, byte[]> timers = store(PagingTopology.TIMERS_STORE, Serdes.Bytes(),
            Serdes.ByteArray());
    private final KeyValueStore<String, PageState> pages = store(PagingTopology.PAGES_STORE, Serdes.String(),
            PageState.SERDE);
    private final KeyValueStore<String, TicketState> tickets = store(PagingTopology.TICKETS_STORE, Serdes.String(),
            JsonSerde.of(TicketState.class));

    private PageState openPage;
    private PageState closedPage;

    /**
     * As the earlier version left them: a ticket with a page paging level 1 (its escalation due at 02:15), and a
     * resolved ticket whose page was closed (both forgotten after the retention).
     */
    private void storedByTheEarlierVersion() {
        Decision opening = rules.onTicketEvent(ticketOpened(OPEN_TICKET, "kunde", Severity.CRITICAL, NIGHT), null,
                List.of(), NIGHT);
        openPage = opening.pages().get(0);
        storeAsBefore(opening);
        Decision other = rules.onTicketEvent(ticketOpened(RESOLVED_TICKET, "kunde", Severity.CRITICAL, NIGHT), null,
                List.of(), NIGHT);
        Decision resolution = rules.onTicketEvent(resolved(RESOLVED_TICKET, "kunde", RESOLVED), other.ticket(),
                other.pages(), RESOLVED);
        closedPage = resolution.pages().get(0);
        storeAsBefore(resolution);
    }

    /** The decision's pages, ticket and timers in the earlier layout. */
    private void storeAsBefore(Decision decision) {
        for (PageState page : decision.pages()) {
            String key = PageTimers.pageKey(page.ticketId(), page.pageId());
            pages.put(key, decodedAsWrittenBefore(PageState.SERDE, page, "timerAt", "timerKey",
                    oldKey(page.timerAt(), page.ticketId(), page.pageId())));
            oldEntry(page.timerAt(), page.ticketId(), page.pageId(),
                    page.status() == PageState.Status.OPEN ? "E" : "P");
        }
        TicketState ticket = decision.ticket();
        if (ticket.purgeAt() != null) {
            oldEntry(ticket.purgeAt(), decision.ticketId(), "", "T");
        }
        tickets.put(decision.ticketId(), decodedAsWrittenBefore(JsonSerde.of(TicketState.class), ticket, "purgeAt",
                "purgeKey", ticket.purgeAt() == null ? null : oldKey(ticket.purgeAt(), decision.ticketId(), "")));
    }

    @Test
    void theTimersOfTheEarlierLayoutAreScheduledAgainFromThePagesAndTickets() {
        storedByTheEarlierVersion();
        assertThat(pages.get(PageTimers.pageKey(OPEN_TICKET, openPage.pageId())).timerAt())
                .as("the instant read from the old key").isEqualTo(ESCALATION_DUE);

        PageTimers.rebuildOlderLayout(timers, pages, tickets);

        assertThat(keys()).as("no entry of the earlier layout").noneMatch(key -> Character.isDigit(key.get()[0]));
        assertThat(new TimerIndex(timers).due(RESOLVED.plus(RETENTION), 100)).containsExactly(
                PageTimers.escalate(ESCALATION_DUE, OPEN_TICKET, openPage.pageId()),
                PageTimers.purgePage(RESOLVED.plus(RETENTION), RESOLVED_TICKET, closedPage.pageId()),
                PageTimers.purgeTicket(RESOLVED.plus(RETENTION), RESOLVED_TICKET));
    }

    @Test
    void itRunsOnceAndLeavesTheCurrentLayoutAlone() {
        storedByTheEarlierVersion();
        PageTimers.rebuildOlderLayout(timers, pages, tickets);
        new TimerIndex(timers).due(ESCALATION_DUE, 100); // fired: the escalation is gone from the index

        PageTimers.rebuildOlderLayout(timers, pages, tickets);

        assertThat(new TimerIndex(timers).due(ESCALATION_DUE.plusSeconds(60), 100)).as("not scheduled again")
                .isEmpty();
    }

    @Test
    void aPageTimerOfTheEarlierVersionStillMovesItsPageOn() {
        storedByTheEarlierVersion();
        MutableClock clock = new MutableClock(NIGHT);
        PagingProcessor processor = new PagingProcessor(rules,
                new PagingTopology.Settings(Duration.ofSeconds(1), 100, RETENTION, "escalation-service"),
                clock::instant, PagingMetrics.NONE);
        processor.init(context);

        clock.advance(Duration.ofMinutes(15));
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(clock.millis());

        List<Object> events = new ArrayList<>();
        for (var forwarded : context.forwarded()) {
            EscalationEvent event = Topics.ESCALATION_EVENTS.valueSerde().deserializer()
                    .deserialize(Topics.ESCALATION_EVENTS.name(), forwarded.record().value().value());
            events.add(event.getPayload());
        }
        assertThat(events).singleElement().isInstanceOfSatisfying(PageReEscalated.class, moved -> {
            assertThat(moved.getPageId()).isEqualTo(openPage.pageId());
            assertThat(moved.getLevel()).isEqualTo(2);
        });
        PageState moved = pages.get(PageTimers.pageKey(OPEN_TICKET, openPage.pageId()));
        assertThat(moved.level()).isEqualTo(2);
        assertThat(new TimerIndex(timers).due(moved.timerAt(), 100)).as("the next level's timer, in the index")
                .containsExactly(moved.timer());
    }

    /** A record as the earlier version wrote it: {@code field} was {@code legacyField}, holding the old timer key. */
    private static <T> T decodedAsWrittenBefore(Serde<T> serde, T current, String field, String legacyField,
                                                String legacyKey) {
        ObjectNode json = (ObjectNode) JSON.readTree(serde.serializer().serialize("store", current));
        json.remove(field);
        json.put(legacyField, legacyKey);
        return serde.deserializer().deserialize("store", JSON.writeValueAsBytes(json));
    }

    private static String oldKey(Instant due, String ticketId, String pageId) {
        return String.format("%013d|%s|%s", due.toEpochMilli(), ticketId, pageId);
    }

    private void oldEntry(Instant due, String ticketId, String pageId, String kind) {
        timers.put(Bytes.wrap(oldKey(due, ticketId, pageId).getBytes(StandardCharsets.UTF_8)),
                kind.getBytes(StandardCharsets.UTF_8));
    }

    private List<Bytes> keys() {
        List<Bytes> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = timers.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private <K, V> KeyValueStore<K, V> store(String name, Serde<K> keys, Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
