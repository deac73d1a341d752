package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import no.biztek.support.schemas.topic.Topics;

/**
 * The baseline the SLA topology is compared with: a plain Kafka Streams passthrough that decodes every ticket event
 * with the catalogue's serde ({@link Topics#TICKET_EVENTS}), encodes it again and writes it to a scratch topic
 * ({@value #OUTPUT}), under the same settings as {@link SlaStreams} (exactly-once v2, commit interval, stream
 * threads, session timeout): no state, no rules, the least any consumer of the topic costs.
 */
final class PassthroughStreams {

    /** Not part of the topic catalogue: written by the benchmark only. */
    static final String OUTPUT = "sla-bench.passthrough";

    private final DriverOptions options;

    PassthroughStreams(DriverOptions options) {
        this.options = options;
    }

    static Topology topology() {
        Topology topology = new Topology();
        topology.addSource("ticket-events", Topics.TICKET_EVENTS.keySerde().deserializer(),
                Topics.TICKET_EVENTS.valueSerde().deserializer(), Topics.TICKET_EVENTS.name());
        topology.addSink("passthrough", OUTPUT, Topics.TICKET_EVENTS.keySerde().serializer(),
                Topics.TICKET_EVENTS.valueSerde().serializer(), "ticket-events");
        return topology;
    }

    KafkaStreams start(String applicationId, Path stateDir) {
        Properties props = SlaStreams.properties(options, applicationId, stateDir);
        KafkaStreams streams = new KafkaStreams(topology(), props);
        streams.setUncaughtExceptionHandler(SlaStreams::printAndShutDown);
        streams.start();
        return streams;
    }
}
