package no.biztek.support.kafka.deadletter;

import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.schemas.topic.Topic;

/**
 * The one dead-letter path of a Kafka Streams topology: every input record is decoded by a step of the topology
 * itself ({@link DecodeOrDeadLetter}), and a record that cannot be decoded, or that a later step finds it cannot
 * process, is forwarded to {@code <topic>.DLT} by a sink of the same topology, so the dead letter is written in the
 * same transaction as everything else (exactly once, with {@code exactly_once_v2}) and processing goes on. A dead
 * letter is the original key, value and headers plus the reason and coordinates ({@link DeadLetters}); each one
 * is counted in {@code support_dead_letters_total{topic}} (a transaction retried after a crash may count its dead
 * letters again, but writes them once).
 *
 * <pre>
 * DeadLetterRoute&lt;TicketEvent&gt; route = DeadLetterRoute.of(Topics.TICKET_EVENTS, service, metrics);
 * String decoded = route.addSource(topology, "sla-clock", (key, event) -&gt; problemOrNull);
 * topology.addProcessor("sla-clock", supplier, decoded);
 * route.addSink(topology, decoded, "sla-clock");
 * </pre>
 */
public final class DeadLetterRoute<V> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRoute.class);

    private final Topic<String, V> topic;
    private final String service;
    private final DeadLetterMetrics metrics;

    private DeadLetterRoute(Topic<String, V> topic, String service, DeadLetterMetrics metrics) {
        this.topic = topic;
        this.service = service;
        this.metrics = metrics;
    }

    /**
     * @param service named in every dead letter's headers
     * @param metrics where dead letters are counted (the topic is registered, so its count shows 0 from the start)
     */
    public static <V> DeadLetterRoute<V> of(Topic<String, V> topic, String service, DeadLetterMetrics metrics) {
        metrics.register(topic.name());
        return new DeadLetterRoute<>(topic, service, metrics);
    }

    public Topic<String, V> topic() {
        return topic;
    }

    /** The name of the node that writes this route's dead letters. */
    public String sinkName() {
        return topic.name() + "-dead-letters";
    }

    /**
     * Adds the topic as a source read as bytes and the step that decodes it, forwarding each decodable value that
     * passes {@code check} to {@code next} and each other record to the dead letters.
     *
     * @param check what is wrong with a decoded key and value, or null when they can be processed
     * @return the name of the decoding node: {@code next}'s parent
     */
    public String addSource(Topology topology, String next, BiFunction<String, ? super V, String> check) {
        String source = topic.name() + "-source";
        String decode = topic.name() + "-decode";
        topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topic.name());
        topology.addProcessor(decode, () -> new DecodeOrDeadLetter<>(this, next, check), source);
        return decode;
    }

    /** Adds the dead-letter sink, fed by the given nodes (the decoding step and the steps that dead-letter). */
    public void addSink(Topology topology, String... parents) {
        topology.addSink(sinkName(), topic.deadLetterTopicName(), new ByteArraySerializer(), new ByteArraySerializer(),
                parents);
    }

    /**
     * Dead-letters the record a step could not process, from the bytes it was decoded from, within the step's
     * transaction. The step's node must be one of the sink's parents.
     */
    public void deadLetter(ProcessorContext<?, ?> context, Record<String, Decoded<V>> record, Throwable reason) {
        deadLetter(context, record.value().rawKey(), record.value().rawValue(), record, reason);
    }

    void deadLetter(ProcessorContext<?, ?> context, byte[] key, byte[] value, Record<?, ?> original,
                    Throwable reason) {
        Optional<RecordMetadata> metadata = context.recordMetadata();
        int partition = metadata.map(RecordMetadata::partition).orElse(-1);
        long offset = metadata.map(RecordMetadata::offset).orElse(-1L);
        log.warn("Dead-lettering record {}-{}@{}: {}", topic.name(), partition, offset, reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        original.headers().forEach(headers::add);
        DeadLetters.explanation(topic.name(), partition, offset, reason, service).forEach(headers::add);
        @SuppressWarnings("unchecked")
        ProcessorContext<Object, Object> forwarding = (ProcessorContext<Object, Object>) context;
        forwarding.forward(new Record<Object, Object>(key, value, original.timestamp(), headers), sinkName());
        metrics.deadLettered(topic.name());
    }

    String service() {
        return service;
    }
}
