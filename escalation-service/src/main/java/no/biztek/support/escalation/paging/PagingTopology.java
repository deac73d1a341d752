package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import no.biztek.support.kafka.streams.Outbound;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.policy.PlanCatalogue;

/** The paging part of the topology: its processor (with its rules) and its three state stores. */
public final class PagingTopology {

    /**
     * The pages (key {@code ticketId|pageId}, JSON {@link PageState}); its changelog topic is what every instance's
     * {@link PageBoard} reads.
     */
    public static final String PAGES_STORE = "pages";
    /** The pages' and tickets' timers ({@link PageTimers}). */
    static final String TIMERS_STORE = "page-timers";
    /** What paging knows of each ticket (key ticketId, JSON {@link TicketState}). */
    static final String TICKETS_STORE = "paging-tickets";

    private PagingTopology() {
    }

    /**
     * @param punctuationInterval      how often due timers are looked for (wall-clock)
     * @param maxTimersPerPunctuation  bound on the work of one punctuation; the rest wait for the next
     * @param endedPageRetention       how long an acknowledged or closed page (and a resolved ticket) is kept
     * @param producer                 the producer named in events
     */
    public record Settings(Duration punctuationInterval, int maxTimersPerPunctuation, Duration endedPageRetention,
                           String producer) {
    }

    public static List<StoreBuilder<?>> stores() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PAGES_STORE), Serdes.String(),
                        PageState.SERDE),
                TimerIndex.storeBuilder(TIMERS_STORE),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TICKETS_STORE), Serdes.String(),
                        JsonSerde.of(TicketState.class)));
    }

    public static String[] storeNames() {
        return new String[] {PAGES_STORE, TIMERS_STORE, TICKETS_STORE};
    }

    public static ProcessorSupplier<String, Object, String, Outbound> processor(PlanCatalogue plans,
            EscalationPolicy escalation, BreachPaging breachPaging, Settings settings,
            Supplier<Instant> clock, PagingMetrics metrics) {
        PagingRules rules = new PagingRules(plans, escalation, breachPaging, settings.endedPageRetention(),
                settings.producer());
        return () -> new PagingProcessor(rules, settings, clock, metrics);
    }

    /** What is wrong with a decoded page command, or null. */
    public static String checkCommand(PageCommand command) {
        return command.problem();
    }
}
