package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import no.biztek.support.escalation.streams.Decoded;
import no.biztek.support.escalation.streams.JsonSerde;
import no.biztek.support.escalation.streams.Outbound;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;

/** The paging part of the topology: its processor and its two state stores. */
public final class PagingTopology {

    private PagingTopology() {
    }

    /**
     * @param punctuationInterval      how often due timers are looked for (wall-clock)
     * @param maxTimersPerPunctuation  bound on the work of one punctuation; the rest wait for the next
     * @param endedPageRetention       how long an acknowledged or closed page is kept (to ignore late duplicates)
     * @param producer                 the producer named in events
     */
    public record Settings(Duration punctuationInterval, int maxTimersPerPunctuation, Duration endedPageRetention,
                           String producer) {
    }

    public static List<StoreBuilder<?>> stores() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PagingProcessor.PAGES), Serdes.String(),
                        new JsonSerde<>(PageState.class)),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PagingProcessor.TIMERS), Serdes.String(),
                        Serdes.String()));
    }

    public static String[] storeNames() {
        return new String[] {PagingProcessor.PAGES, PagingProcessor.TIMERS};
    }

    public static ProcessorSupplier<String, Decoded, String, Outbound> processor(PolicyHistory policies,
            EscalationPolicy escalation, Map<Severity, Integer> breachPaging, Settings settings,
            Supplier<Instant> clock, PagingMetrics metrics) {
        return () -> new PagingProcessor(policies, escalation, breachPaging, settings, clock, metrics);
    }

    /** What is wrong with a decoded page command, or null. */
    public static String checkCommand(Object value) {
        return value instanceof PageCommand command ? command.problem() : "not a page command";
    }
}
