package no.biztek.support.kafka.streams;

import java.util.Map;

/**
 * What a service adds to its Kafka Streams configuration beyond {@code spring.kafka.streams.*} (e.g. its
 * dead-letter handlers, {@code application.server}). Called when the application starts, after the web server.
 */
@FunctionalInterface
public interface StreamsConfigCustomizer {

    void customize(Map<String, Object> config);
}
