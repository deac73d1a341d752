package no.biztek.support.notification.cause;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.stage.InputProcessor;
import no.biztek.support.notification.stage.InputProcessor.Input;
import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.notification.stage.StageNames;
import no.biztek.support.notification.stage.StoreNames;
import no.biztek.support.schemas.topic.Topics;

/**
 * The ticket-partitioned stage: ticket, escalation and notification events (all keyed by ticketId, so one
 * task sees everything of a ticket) into mail commands keyed by ticketId, worded with the customer directory
 * (a global store, see CustomerDirectory). One processor reads the three topics.
 */
public final class CauseStage {

    static final String PROCESSOR = "ticket-stage";

    private CauseStage() {
    }

    public static void addTo(Topology topology, PipelineSettings settings, InternalTopics topics,
                             MailComposer composer) {
        List<Input<CauseProcessor, ?>> inputs = List.of(
                Input.of(Topics.TICKET_EVENTS, settings, CauseProcessor::onTicketEvent),
                Input.of(Topics.ESCALATION_EVENTS, settings, CauseProcessor::onEscalationEvent),
                Input.of(Topics.NOTIFICATION_EVENTS, settings, CauseProcessor::onNotificationEvent));
        List<String> decoders = new ArrayList<>();
        for (Input<CauseProcessor, ?> input : inputs) {
            decoders.add(input.addSource(topology, PROCESSOR));
        }
        topology.addProcessor(PROCESSOR, () -> new InputProcessor<>(PROCESSOR, inputs, settings,
                context -> new CauseProcessor(context, settings, composer), CauseProcessor::punctuate),
                decoders.toArray(String[]::new));
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).route().addSink(topology, decoders.get(i), PROCESSOR);
        }

        topology.addStateStore(store(StoreNames.TICKETS, JsonSerde.of(TicketInfo.class)), PROCESSOR);
        topology.addStateStore(store(StoreNames.ESCALATIONS, JsonSerde.of(EscalationState.class)), PROCESSOR);
        topology.addStateStore(TimerIndex.storeBuilder(StoreNames.CADENCE_INDEX), PROCESSOR);
        topology.addStateStore(store(StoreNames.SEEN_CAUSES, Serdes.Long()), PROCESSOR);
        topology.addStateStore(store(StoreNames.AWAITING, JsonSerde.of(ParkedDraft.class)), PROCESSOR);
        topology.addStateStore(store(StoreNames.HISTORY, JsonSerde.of(NotificationHistory.class)), PROCESSOR);
        topology.addStateStore(TimerIndex.storeBuilder(StoreNames.PENDING), PROCESSOR);
        topology.addStateStore(store(StoreNames.TIMER_INDEX_FORMAT, Serdes.ByteArray()), PROCESSOR);

        topology.addSink(StageNames.COMMANDS_SINK, topics.commands().name(), topics.commands().keySerde().serializer(),
                topics.commands().valueSerde().serializer(), PROCESSOR);
    }

    private static <V> StoreBuilder<?> store(String name, Serde<V> valueSerde) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), valueSerde);
    }
}
