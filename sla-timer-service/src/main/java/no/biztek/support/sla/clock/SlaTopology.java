package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * The SLA timer topology: ticket events in ({@link Topics#TICKET_EVENTS}, decoded by kafka-platform's
 * {@link DeadLetterRoute}), one processor with three persistent, changelogged stores, SLA events out
 * ({@link Topics#SLA_EVENTS}); records that cannot be decoded or measured go to the topic's dead-letter topic in
 * the same transaction.
 *
 * <ul>
 * <li>{@value #CLOCK_STORE}: ticketId → {@link SlaClock} (queried over HTTP);</li>
 * <li>{@value #TIMER_STORE}: kafka-platform's {@link TimerIndex} (due millis big-endian, kind, ticketId), so
 * the punctuator reads only what is due;</li>
 * <li>{@value #META_STORE}: per task, the number of running clocks and the timer index's layout.</li>
 * </ul>
 * The three stores are cached: what a task writes to one key several times within a commit interval (a ticket's
 * clock as facts arrive together, the running-clock count, a timer scheduled and moved) reaches the changelog once,
 * at the commit.
 * Built apart from the Spring wiring so that tests drive it with {@code TopologyTestDriver}, a
 * controllable time source and any policy.
 */
public final class SlaTopology {

    public static final String CLOCK_STORE = "sla-clocks";
    public static final String TIMER_STORE = "sla-timers";
    public static final String META_STORE = "sla-timer-meta";
    static final String PROCESSOR = "sla-clock";
    static final String SINK = "sla-events";

    private SlaTopology() {
    }

    /** What is wrong with a ticket event before it reaches a clock, or null. */
    static String problemOf(String key, TicketEvent event) {
        if (event.getTicketId() == null || event.getTicketId().isBlank()) {
            return "ticket event " + event.getEventId() + " has no ticketId";
        }
        if (!key.equals(event.getTicketId())) {
            return "record key '" + key + "' differs from ticketId '" + event.getTicketId() + "'";
        }
        return null;
    }

    /**
     * @param policies the policy history (a ticket is measured under the version in force at its openedAt)
     * @param now      the wall clock: the time timers are due against and events are stamped with
     * @param settings punctuation, batch bound, retention, producer name
     * @param metrics  where counts and lags are reported
     * @param backlog  how a task learns the backlog its partition held when it started
     * @param deadLetters where records sent to the dead-letter topic are counted
     */
    public static Topology build(PolicyHistory policies, Supplier<Instant> now, TopologySettings settings,
                                 ClockMetrics metrics, InputBacklog.Lookup backlog, DeadLetterMetrics deadLetters) {
        return build(new PlanCatalogue(List.of(policies)), now, settings, metrics, backlog, deadLetters);
    }

    /** As above, for every plan of the policy file: a ticket is measured under the plan its TicketOpened names. */
    public static Topology build(PlanCatalogue plans, Supplier<Instant> now, TopologySettings settings,
                                 ClockMetrics metrics, InputBacklog.Lookup backlog, DeadLetterMetrics deadLetters) {
        ClockRules rules = new ClockRules(plans, settings.producer(), settings.closedClockRetention());
        StoreBuilder<KeyValueStore<String, SlaClock>> clocks = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(CLOCK_STORE), Serdes.String(), new SlaClockSerde())
                .withCachingEnabled();
        StoreBuilder<KeyValueStore<org.apache.kafka.common.utils.Bytes, byte[]>> timers =
                TimerIndex.storeBuilder(TIMER_STORE).withCachingEnabled();
        StoreBuilder<KeyValueStore<String, byte[]>> meta = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(META_STORE), Serdes.String(), Serdes.ByteArray()).withCachingEnabled();

        DeadLetterRoute<TicketEvent> route = DeadLetterRoute.of(Topics.TICKET_EVENTS, settings.producer(), deadLetters);
        Topology topology = new Topology();
        String decoded = route.addSource(topology, PROCESSOR, SlaTopology::problemOf);
        topology.addProcessor(PROCESSOR, () -> new SlaClockProcessor(rules, now, settings, metrics, backlog, route),
                decoded);
        topology.addStateStore(clocks, PROCESSOR);
        topology.addStateStore(timers, PROCESSOR);
        topology.addStateStore(meta, PROCESSOR);
        topology.addSink(SINK, Topics.SLA_EVENTS.name(), Topics.SLA_EVENTS.keySerde().serializer(),
                Topics.SLA_EVENTS.valueSerde().serializer(), PROCESSOR);
        route.addSink(topology, decoded, PROCESSOR);
        return topology;
    }
}
