package no.biztek.support.notification.cause;

import java.util.function.BiConsumer;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.pipeline.InputProcessor;
import no.biztek.support.notification.pipeline.InternalTopics;
import no.biztek.support.notification.pipeline.JsonSerde;
import no.biztek.support.notification.pipeline.ParkedDraft;
import no.biztek.support.notification.pipeline.PipelineSettings;
import no.biztek.support.notification.pipeline.StageNames;
import no.biztek.support.notification.pipeline.StoreNames;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * The ticket-partitioned stage: ticket, escalation and notification events (all keyed by ticketId, so one
 * task sees everything of a ticket) into mail commands keyed by ticketId, worded with the customer directory
 * (a global store, see CustomerDirectory).
 */
public final class CauseStage {

    static final String TICKET_EVENTS = "ticket-events";
    static final String ESCALATION_EVENTS = "escalation-events";
    static final String NOTIFICATION_EVENTS = "notification-events";

    private CauseStage() {
    }

    public static void addTo(Topology topology, PipelineSettings settings, InternalTopics topics,
                             MailComposer composer) {
        addInput(topology, settings, composer, Topics.TICKET_EVENTS, TICKET_EVENTS, CauseProcessor::onTicketEvent, false);
        addInput(topology, settings, composer, Topics.ESCALATION_EVENTS, ESCALATION_EVENTS,
                CauseProcessor::onEscalationEvent, true);
        addInput(topology, settings, composer, Topics.NOTIFICATION_EVENTS, NOTIFICATION_EVENTS,
                CauseProcessor::onNotificationEvent, false);

        String[] processors = {TICKET_EVENTS, ESCALATION_EVENTS, NOTIFICATION_EVENTS};
        topology.addStateStore(store(StoreNames.TICKETS, JsonSerde.of(TicketInfo.class)), processors);
        topology.addStateStore(store(StoreNames.ESCALATIONS, JsonSerde.of(EscalationState.class)), processors);
        topology.addStateStore(store(StoreNames.CADENCE_INDEX, Serdes.String()), processors);
        topology.addStateStore(store(StoreNames.SEEN_CAUSES, Serdes.Long()), processors);
        topology.addStateStore(store(StoreNames.AWAITING, JsonSerde.of(ParkedDraft.class)), processors);
        topology.addStateStore(store(StoreNames.HISTORY, JsonSerde.of(NotificationHistory.class)), processors);
        topology.addStateStore(store(StoreNames.PENDING, Serdes.String()), processors);

        topology.addSink(StageNames.COMMANDS_SINK, topics.commands(), Serdes.String().serializer(),
                JsonSerde.of(NotificationCommand.class).serializer(), TICKET_EVENTS, ESCALATION_EVENTS);
    }

    /** A source of raw records, its processor (punctuating for the whole task if asked) and its dead-letter sink. */
    private static <T> void addInput(Topology topology, PipelineSettings settings, MailComposer composer,
                                     Topic<String, T> topic, String name, BiConsumer<CauseProcessor, T> handler,
                                     boolean punctuates) {
        String source = name + "-source";
        String deadLetterSink = StageNames.deadLetterSink(topic.name());
        topology.addSource(source, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(), topic.name());
        topology.addProcessor(name, () -> new InputProcessor<T, CauseProcessor>(topic.name(),
                topic.valueSerde().deserializer(), deadLetterSink, settings,
                context -> new CauseProcessor(context, settings, composer),
                (logic, record) -> {
                    if (record.value() != null) {
                        handler.accept(logic, record.value());
                    }
                }, punctuates ? CauseProcessor::punctuate : null, settings.checkInterval()), source);
        topology.addSink(deadLetterSink, topic.deadLetterTopicName(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer(), name);
    }

    private static <V> org.apache.kafka.streams.state.StoreBuilder<?> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
