package no.biztek.support.notification.customer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.pipeline.InputProcessor;
import no.biztek.support.notification.pipeline.InternalTopics;
import no.biztek.support.notification.pipeline.JsonSerde;
import no.biztek.support.notification.pipeline.ParkedDraft;
import no.biztek.support.notification.pipeline.PipelineSettings;
import no.biztek.support.notification.pipeline.StageNames;
import no.biztek.support.notification.pipeline.StoreNames;
import no.biztek.support.schemas.topic.Topics;

/**
 * The customer-partitioned stage: the customer directory (compacted customers topic) and the drafts
 * (keyed by customerId, so co-partitioned with it) into mail commands keyed by ticketId.
 */
public final class CustomerStage {

    static final String CUSTOMERS = "customers";
    static final String DRAFTS = "drafts";

    private CustomerStage() {
    }

    public static void addTo(Topology topology, PipelineSettings settings, InternalTopics topics, MailComposer composer) {
        String customersSource = CUSTOMERS + "-source";
        topology.addSource(customersSource, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                Topics.CUSTOMERS.name());
        topology.addProcessor(CUSTOMERS, () -> new InputProcessor<>(Topics.CUSTOMERS.name(),
                Topics.CUSTOMERS.valueSerde().deserializer(), StageNames.deadLetterSink(Topics.CUSTOMERS.name()),
                settings, context -> new CustomerLogic(context, settings, composer),
                CustomerLogic::onCustomer, null, null), customersSource);
        topology.addSink(StageNames.deadLetterSink(Topics.CUSTOMERS.name()), Topics.CUSTOMERS.deadLetterTopicName(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), CUSTOMERS);

        String draftsSource = DRAFTS + "-source";
        topology.addSource(draftsSource, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                topics.drafts());
        topology.addProcessor(DRAFTS, () -> new InputProcessor<>(topics.drafts(),
                JsonSerde.of(Draft.class).deserializer(), StageNames.deadLetterSink(topics.drafts()),
                settings, context -> new CustomerLogic(context, settings, composer),
                CustomerLogic::onDraft, CustomerLogic::punctuate, settings.checkInterval()), draftsSource);
        topology.addSink(StageNames.deadLetterSink(topics.drafts()), topics.draftsDeadLetters(),
                Serdes.String().serializer(), Serdes.ByteArray().serializer(), DRAFTS);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CUSTOMERS),
                Serdes.String(), JsonSerde.of(CustomerView.class)), CUSTOMERS, DRAFTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.AWAITING_CUSTOMER),
                Serdes.String(), JsonSerde.of(ParkedDraft.class)), CUSTOMERS, DRAFTS);

        topology.addSink(StageNames.COMMANDS_SINK, topics.commands(), Serdes.String().serializer(),
                JsonSerde.of(NotificationCommand.class).serializer(), CUSTOMERS, DRAFTS);
        topology.addSink(StageNames.NOTIFICATION_EVENTS_SINK, Topics.NOTIFICATION_EVENTS.name(),
                Serdes.String().serializer(), Topics.NOTIFICATION_EVENTS.valueSerde().serializer(), CUSTOMERS, DRAFTS);
    }
}
