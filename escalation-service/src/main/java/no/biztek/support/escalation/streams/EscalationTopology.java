package no.biztek.support.escalation.streams;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
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
import no.biztek.support.escalation.paging.BreachPaging;
import no.biztek.support.escalation.paging.EscalationPolicy;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingMetrics;
import no.biztek.support.escalation.paging.PagingTopology;
import no.biztek.support.escalation.paging.TicketPlans;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.kafka.deadletter.Decoded;
import no.biztek.support.kafka.streams.Outbound;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.sla.SlaEvent;
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
 * sla-events ────┤ decode+check ─┬─ TimeEntryRecorded ─ by customerId ─┐
 * escalation ────┤ (or DLT)      └─ the rest ─► paging (pages, timers) ─┼──► escalation-events
 * page-commands ─┘                                                      │
 * customers ─── decode+check (or DLT) ─► customers table ─ left join ───┴──► billing (or DLT)
 * </pre>
 *
 * Each input is decoded by kafka-platform's {@link DeadLetterRoute}, which sends what cannot be decoded or fails a
 * check to the topic's DLT; events, billing events and dead letters are all written by sinks of the topology, in
 * the processing transaction.
 */
final class EscalationTopology {

    private static final TopicNameExtractor<String, Outbound> BY_TOPIC = (key, value, context) -> value.topic();

    private EscalationTopology() {
    }

    /**
     * @param policies       the support terms (24x7 severities, calendars, default contract terms)
     * @param escalation     the escalation ladder and on-call schedule
     * @param breachPaging   which breaches page (per metric and severity), and from which level
     * @param settings       paging timers
     * @param commandTopic   the service's internal page-command topic
     * @param clock          the wall clock timers are measured by
     * @param deadLetters    counts every record dead-lettered, by its input topic
     */
    static Topology build(PolicyHistory policies, EscalationPolicy escalation,
                          BreachPaging breachPaging, PagingTopology.Settings settings,
                          Topic<String, PageCommand> commandTopic, Supplier<Instant> clock,
                          PagingMetrics pagingMetrics, BillingMetrics billingMetrics, DeadLetterMetrics deadLetters) {
        return build(new PlanCatalogue(List.of(policies)), escalation, breachPaging, settings, commandTopic, clock,
                pagingMetrics, billingMetrics, deadLetters);
    }

    /** Paging reads each ticket's plan; billing the default plan's terms (a time entry does not name its plan). */
    static Topology build(PlanCatalogue plans, EscalationPolicy escalation,
                          BreachPaging breachPaging, PagingTopology.Settings settings,
                          Topic<String, PageCommand> commandTopic, Supplier<Instant> clock,
                          PagingMetrics pagingMetrics, BillingMetrics billingMetrics, DeadLetterMetrics deadLetters) {
        PolicyHistory policies = plans.defaultPlan();
        String service = settings.producer();
        StreamsBuilder builder = new StreamsBuilder();
        PagingTopology.stores().forEach(builder::addStateStore);
        DeadLetterRoute<TicketEvent> ticketEvents = DeadLetterRoute.of(Topics.TICKET_EVENTS, service, deadLetters);
        DeadLetterRoute<SlaEvent> slaEvents = DeadLetterRoute.of(Topics.SLA_EVENTS, service, deadLetters);
        DeadLetterRoute<EscalationEvent> escalationEvents = DeadLetterRoute.of(Topics.ESCALATION_EVENTS, service,
                deadLetters);
        DeadLetterRoute<PageCommand> commands = DeadLetterRoute.of(commandTopic, service, deadLetters);
        DeadLetterRoute<Customer> customers = DeadLetterRoute.of(Topics.CUSTOMERS, service, deadLetters)
                .withTombstones();

        KStream<String, Object> inputs = values(builder, ticketEvents,
                        (key, event) -> checkTicketEvent(event, plans))
                .merge(values(builder, slaEvents, (key, event) -> null))
                .merge(values(builder, escalationEvents, (key, event) -> checkEscalationEvent(event, policies)))
                .merge(values(builder, commands, (key, command) -> PagingTopology.checkCommand(command)));

        Map<String, KStream<String, Object>> routes = inputs.split(Named.as("input-"))
                .branch((key, value) -> BillingTopology.isTimeEntry(value), Branched.as("time-entries"))
                .defaultBranch(Branched.as("paging"));

        routes.get("input-paging")
                .process(PagingTopology.processor(plans, escalation, breachPaging, settings, clock, pagingMetrics),
                        Named.as("paging"), PagingTopology.storeNames())
                .to(BY_TOPIC, Produced.with(Serdes.String(), Outbound.SERDE));

        KTable<String, Customer> customerTable = customers
                .stream(builder, (key, customer) -> BillingTopology.checkCustomer(customer))
                .mapValues(Decoded::value, Named.as("customers-values"))
                .toTable(Named.as("customers-table"), Materialized.<String, Customer, KeyValueStore<Bytes, byte[]>>as(
                        "customers").withKeySerde(Serdes.String()).withValueSerde(Topics.CUSTOMERS.valueSerde()));

        routes.get("input-time-entries")
                .selectKey((ticketId, value) -> ((EscalationEvent) value).getCustomerId(),
                        Named.as("time-entries-by-customer-key"))
                .mapValues(value -> (EscalationEvent) value, Named.as("time-entries-values"))
                .repartition(Repartitioned.with(Serdes.String(), Topics.ESCALATION_EVENTS.valueSerde())
                        .withName("time-entries-by-customer"))
                .leftJoin(customerTable, BillingInput::new, Joined.<String, EscalationEvent, Customer>with(
                        Serdes.String(), Topics.ESCALATION_EVENTS.valueSerde(), Topics.CUSTOMERS.valueSerde())
                        .withName("time-entries-with-customer"))
                .process(BillingTopology.processor(policies, service, billingMetrics, escalationEvents),
                        Named.as(BillingTopology.PROCESSOR))
                .to(BY_TOPIC, Produced.with(Serdes.String(), Outbound.SERDE).withName(BillingTopology.EVENTS_SINK));

        Topology topology = builder.build();
        escalationEvents.addSink(topology, BillingTopology.PROCESSOR);
        return topology;
    }

    /** The decoded values of an input, whatever their type, to be processed together with the other inputs'. */
    private static <V> KStream<String, Object> values(StreamsBuilder builder, DeadLetterRoute<V> route,
                                                      BiFunction<String, V, String> check) {
        return route.stream(builder, check).<Object>mapValues(Decoded::value,
                Named.as(route.topic().name() + "-values"));
    }

    /** An opening is judged under its plan at openedAt; a change of an unseen opening under the default plan. */
    private static String checkTicketEvent(TicketEvent event, PlanCatalogue plans) {
        if (event.getPayload() instanceof TicketOpened opened) {
            return policyProblem(TicketPlans.of(plans, opened.getPlan()), opened.getOpenedAt());
        }
        return event.getPayload() instanceof SeverityChanged changed
                ? policyProblem(plans.defaultPlan(), changed.getChangedAt()) : null;
    }

    private static String checkEscalationEvent(EscalationEvent event, PolicyHistory policies) {
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
