package no.biztek.support.escalation.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.TopicNameExtractor;
import org.apache.kafka.streams.state.KeyValueStore;

import no.biztek.support.escalation.billing.BillingInput;
import no.biztek.support.escalation.billing.BillingMetrics;
import no.biztek.support.escalation.billing.BillingTopology;
import no.biztek.support.escalation.paging.EscalationPolicy;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingMetrics;
import no.biztek.support.escalation.paging.PagingTopology;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * The service's Kafka Streams topology (exactly_once_v2), independent of Spring.
 *
 * <pre>
 * ticket-events ─┐
 * sla-events ────┤ decode+check ─┬─ invalid ───────────────────────────────► &lt;topic&gt;.DLT
 * escalation ────┤               ├─ TimeEntryRecorded ─ by customerId ─┐
 * page-commands ─┘               └─ the rest ─► paging (pages, timers) ─┼──► escalation-events
 *                                                                      │
 * customers ─── decode+check ─► customers table ─── left join ─────────┴──► billing
 * </pre>
 *
 * Every output, dead letters included, goes through one sink in the processing transaction.
 */
final class EscalationTopology {

    private static final TopicNameExtractor<String, Outbound> BY_TOPIC = (key, value, context) -> value.topic();
    private static final Produced<String, Outbound> OUTBOUND = Produced.with(Serdes.String(), Outbound.SERDE);

    private EscalationTopology() {
    }

    /**
     * @param policies       the support terms (24x7 severities, calendars, default contract terms)
     * @param escalation     the escalation ladder and on-call schedule
     * @param breachPaging   severities that page on breach, and from which level
     * @param settings       paging timers
     * @param commandTopic   the service's internal page-command topic
     * @param clock          the wall clock timers are measured by
     * @param deadLetters    counts every record dead-lettered, by its input topic
     */
    static Topology build(PolicyHistory policies, EscalationPolicy escalation,
                          Map<Severity, Integer> breachPaging, PagingTopology.Settings settings,
                          Topic<String, PageCommand> commandTopic, Supplier<Instant> clock,
                          PagingMetrics pagingMetrics, BillingMetrics billingMetrics, DeadLetterMetrics deadLetters) {
        String service = settings.producer();
        StreamsBuilder builder = new StreamsBuilder();
        PagingTopology.stores().forEach(builder::addStateStore);

        KStream<String, Decoded> inputs = decode(builder, Topics.TICKET_EVENTS, false,
                value -> checkTicketEvent(value, policies), service, deadLetters)
                .merge(decode(builder, Topics.SLA_EVENTS, false, value -> null, service, deadLetters))
                .merge(decode(builder, Topics.ESCALATION_EVENTS, false,
                        value -> checkEscalationEvent(value, policies), service, deadLetters))
                .merge(decode(builder, commandTopic, false, PagingTopology::checkCommand, service, deadLetters));

        Map<String, KStream<String, Decoded>> routes = inputs.split(Named.as("input-"))
                .branch((key, decoded) -> decoded.isDeadLetter(), Branched.as("invalid"))
                .branch((key, decoded) -> BillingTopology.isTimeEntry(decoded.value()), Branched.as("time-entries"))
                .defaultBranch(Branched.as("paging"));

        routes.get("input-invalid").mapValues(EscalationTopology::deadLetter, Named.as("input-dead-letters"))
                .to(BY_TOPIC, OUTBOUND);

        routes.get("input-paging")
                .process(PagingTopology.processor(policies, escalation, breachPaging, settings, clock, pagingMetrics),
                        Named.as("paging"), PagingTopology.storeNames())
                .to(BY_TOPIC, OUTBOUND);

        Map<String, KStream<String, Decoded>> customers = decode(builder, Topics.CUSTOMERS, true,
                BillingTopology::checkCustomer, service, deadLetters)
                .split(Named.as("customers-"))
                .branch((key, decoded) -> decoded.isDeadLetter(), Branched.as("invalid"))
                .defaultBranch(Branched.as("valid"));
        customers.get("customers-invalid").mapValues(EscalationTopology::deadLetter, Named.as("customers-dead-letters"))
                .to(BY_TOPIC, OUTBOUND);
        KTable<String, Customer> customerTable = customers.get("customers-valid")
                .mapValues(decoded -> (Customer) decoded.value(), Named.as("customers-values"))
                .toTable(Named.as("customers-table"), Materialized.<String, Customer, KeyValueStore<Bytes, byte[]>>as(
                        "customers").withKeySerde(Serdes.String()).withValueSerde(Topics.CUSTOMERS.valueSerde()));

        routes.get("input-time-entries")
                .selectKey((ticketId, decoded) -> ((EscalationEvent) decoded.value()).getCustomerId(),
                        Named.as("time-entries-by-customer-key"))
                .mapValues(decoded -> (EscalationEvent) decoded.value(), Named.as("time-entries-values"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.ESCALATION_EVENTS.valueSerde())
                        .withName("time-entries-by-customer"))
                .leftJoin(customerTable, BillingInput::new, Joined.<String, EscalationEvent, Customer>with(
                        Serdes.String(), Topics.ESCALATION_EVENTS.valueSerde(), Topics.CUSTOMERS.valueSerde())
                        .withName("time-entries-with-customer"))
                .process(BillingTopology.processor(policies, service, billingMetrics, deadLetters), Named.as("billing"))
                .to(BY_TOPIC, OUTBOUND);

        return builder.build();
    }

    /**
     * The input topics processed together by ticket id (merged): they must have the same partition count
     * (co-partitioned), which {@link TopicLayout} checks at start-up.
     */
    static List<String> mergedTopics(Topic<String, PageCommand> commandTopic) {
        return List.of(Topics.TICKET_EVENTS.name(), Topics.SLA_EVENTS.name(), Topics.ESCALATION_EVENTS.name(),
                commandTopic.name());
    }

    /** Every topic the topology reads (and may dead-letter records of). */
    static List<String> inputTopics(Topic<String, PageCommand> commandTopic) {
        List<String> inputs = new ArrayList<>(mergedTopics(commandTopic));
        inputs.add(Topics.CUSTOMERS.name());
        return List.copyOf(inputs);
    }

    private static <V> KStream<String, Decoded> decode(StreamsBuilder builder, Topic<String, V> topic,
                                                      boolean tombstonesAllowed, Function<Object, String> check,
                                                      String service, DeadLetterMetrics deadLetters) {
        Deserializer<V> values = topic.valueSerde().deserializer();
        String name = topic.name();
        return builder.stream(name, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-source"))
                .processValues(() -> new Decoder(name, topic.deadLetterTopicName(), values, tombstonesAllowed, check,
                        service, deadLetters), Named.as(name + "-decoder"));
    }

    private static Outbound deadLetter(Decoded decoded) {
        return Outbound.deadLetter(decoded.deadLetterTopic(), decoded.raw());
    }

    private static String checkTicketEvent(Object value, PolicyHistory policies) {
        if (!(value instanceof TicketEvent event)) {
            return "not a ticket event";
        }
        Instant at = event.getPayload() instanceof TicketOpened opened ? opened.getOpenedAt()
                : event.getPayload() instanceof SeverityChanged changed ? changed.getChangedAt() : null;
        return at == null ? null : policyProblem(policies, at);
    }

    private static String checkEscalationEvent(Object value, PolicyHistory policies) {
        if (!(value instanceof EscalationEvent event)) {
            return "not an escalation event";
        }
        return event.getPayload() instanceof TimeEntryRecorded entry
                ? BillingTopology.checkTimeEntry(entry, policies) : null;
    }

    private static String policyProblem(PolicyHistory policies, Instant at) {
        try {
            policies.inForceAt(at);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
