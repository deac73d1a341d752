package no.biztek.support.sla.deadletter;

import java.util.Map;

import org.apache.kafka.streams.StreamsConfig;

/** Streams configuration that routes undecodable and unprocessable ticket events to the dead-letter topic. */
public final class DeadLetterConfig {

    private DeadLetterConfig() {
    }

    /**
     * Entries to add to the Kafka Streams properties.
     *
     * @param publisher where dead letters go (the Kafka producer in the service, a list in tests)
     * @param service   the service name written in the dead letters' headers
     */
    public static Map<String, Object> streamsProperties(DeadLetterPublisher publisher, String service) {
        return Map.of(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class,
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class,
                DeadLetterHandlerSupport.PUBLISHER, publisher,
                DeadLetterHandlerSupport.SERVICE, service);
    }
}
