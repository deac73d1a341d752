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
import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/** The paging part of the topology: its processor (with its rules) and its three state stores. */
public final class PagingTopology {

    static final JsonSerde<PageState> PAGE_STATES = new JsonSerde<>(PageState.class);

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
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PagingProcessor.PAGES), Serdes.String(),
                        PAGE_STATES),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PagingProcessor.TIMERS), Serdes.String(),
                        Serdes.String()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PagingProcessor.TICKETS), Serdes.String(),
                        new JsonSerde<>(TicketState.class)));
    }

    public static String[] storeNames() {
        return new String[] {PagingProcessor.PAGES, PagingProcessor.TIMERS, PagingProcessor.TICKETS};
    }

    /**
     * The changelog topic of the {@code pages} store (Kafka Streams names it
     * {@code <application-id>-pages-changelog}; compacted, key {@code ticketId|pageId}, JSON {@link PageState},
     * a tombstone when an ended page is purged). It is written in the topology's transactions, so a
     * {@code read_committed} reader sees exactly the page state the topology committed, together with the
     * page events of the same transaction. The partition count is the input topics' (not used here).
     */
    public static Topic<String, PageState> pageStateChangelog(String applicationId) {
        return new Topic<>(applicationId + "-" + PagingProcessor.PAGES + "-changelog", Serdes.String(), PAGE_STATES,
                CleanupPolicy.COMPACT, Topics.ESCALATION_EVENTS.defaultPartitions());
    }

    public static ProcessorSupplier<String, Decoded, String, Outbound> processor(PolicyHistory policies,
            EscalationPolicy escalation, Map<Severity, Integer> breachPaging, Settings settings,
            Supplier<Instant> clock, PagingMetrics metrics) {
        PagingRules rules = new PagingRules(policies, escalation, breachPaging, settings.endedPageRetention(),
                settings.producer());
        return () -> new PagingProcessor(rules, settings, clock, metrics);
    }

    /** What is wrong with a decoded page command, or null. */
    public static String checkCommand(Object value) {
        return value instanceof PageCommand command ? command.problem() : "not a page command";
    }
}
