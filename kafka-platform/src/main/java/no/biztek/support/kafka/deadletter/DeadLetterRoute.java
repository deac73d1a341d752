package no.biztek.support.kafka.deadletter;

import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
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
 *
 * A DSL topology takes the decoded records from {@link #stream}.
 */
public final class DeadLetterRoute<V> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRoute.class);

    private final Topic<String, V> topic;
    private final String service;
    private final DeadLetterMetrics metrics;
    private final boolean tombstones;

    private DeadLetterRoute(Topic<String, V> topic, String service, DeadLetterMetrics metrics, boolean tombstones) {
        this.topic = topic;
        this.service = service;
        this.metrics = metrics;
        this.tombstones = tombstones;
    }

    /**
     * @param service named in every dead letter's headers
     * @param metrics where dead letters are counted (the topic is registered, so its count shows 0 from the start)
     */
    public static <V> DeadLetterRoute<V> of(Topic<String, V> topic, String service, DeadLetterMetrics metrics) {
        metrics.register(topic.name());
        return new DeadLetterRoute<>(topic, service, metrics, false);
    }

    /**
     * The same route for a topic where a tombstone (a record without a value) means a deletion: it goes on as a
     * {@link Decoded} with a null value, unchecked, instead of to the dead letters.
     */
    public DeadLetterRoute<V> withTombstones() {
        return new DeadLetterRoute<>(topic, service, metrics, true);
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

    /**
     * The DSL form of {@link #addSource}: the topic's records, keyed as the topic's key serde reads them, decoded
     * and checked by a step that keeps the key (so nothing downstream needs a repartition). That step writes its
     * dead letters through a sink of its own, so a later step in another sub-topology (after a repartition) can
     * dead-letter through {@link #addSink} without joining the two sub-topologies.
     *
     * @param check what is wrong with a decoded key and value, or null when they can be processed
     */
    public KStream<String, Decoded<V>> stream(StreamsBuilder builder, BiFunction<String, ? super V, String> check) {
        String decoded = topic.name() + "-decoded";
        String decodeSink = topic.name() + "-decode-dead-letters";
        KStream<String, Object> decoding = builder.stream(topic.name(),
                        Consumed.with(topic.keySerde(), Serdes.ByteArray()).withName(topic.name() + "-source"))
                .processValues(() -> new DecodeValueOrDeadLetter<>(this, decoded, decodeSink, check),
                        Named.as(topic.name() + "-decode"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serde<Object> bytes = (Serde) Serdes.ByteArray();
        decoding.to(topic.deadLetterTopicName(), Produced.with(topic.keySerde(), bytes).withName(decodeSink));
        @SuppressWarnings("unchecked")
        KStream<String, Decoded<V>> values = decoding.mapValues(value -> (Decoded<V>) value, Named.as(decoded));
        return values;
    }

    /**
     * Adds the dead-letter sink, fed by the given nodes (the decoding step and the steps that dead-letter). A sink
     * joins its parents' sub-topologies into one, so give it parents of one sub-topology.
     */
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

    /**
     * Dead-letters a record whose bytes the step no longer has (it was read back from a repartition topic, say):
     * key and value encoded again with the topic's serdes. The step's node must be one of the sink's parents.
     */
    public void deadLetterValue(ProcessorContext<?, ?> context, Record<String, ? extends V> record, Throwable reason) {
        byte[] key = topic.keySerde().serializer().serialize(topic.name(), record.key());
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), record.value());
        deadLetter(context, key, value, record, reason);
    }

    void deadLetter(ProcessorContext<?, ?> context, byte[] key, byte[] value, Record<?, ?> original,
                    Throwable reason) {
        Headers headers = explain(context.recordMetadata(), original.headers(), reason);
        @SuppressWarnings("unchecked")
        ProcessorContext<Object, Object> forwarding = (ProcessorContext<Object, Object>) context;
        forwarding.forward(new Record<Object, Object>(key, value, original.timestamp(), headers), sinkName());
    }

    /**
     * The headers of a dead letter, counted: the original headers plus the explanation, with the coordinates of the
     * record being processed when it was read from this route's topic (else -1).
     */
    Headers explain(Optional<RecordMetadata> processing, Headers original, Throwable reason) {
        Optional<RecordMetadata> read = processing.filter(metadata -> topic.name().equals(metadata.topic()));
        int partition = read.map(RecordMetadata::partition).orElse(-1);
        long offset = read.map(RecordMetadata::offset).orElse(-1L);
        log.warn("Dead-lettering record {}-{}@{}: {}", topic.name(), partition, offset, reason.getMessage());
        RecordHeaders headers = new RecordHeaders();
        original.forEach(headers::add);
        DeadLetters.explanation(topic.name(), partition, offset, reason, service).forEach(headers::add);
        metrics.deadLettered(topic.name());
        return headers;
    }

    /**
     * The value of a record, checked; throws what makes the record a dead letter. A tombstone the route lets
     * through is null.
     */
    V decode(String key, byte[] rawValue, Headers headers, BiFunction<String, ? super V, String> check) {
        if (key == null) {
            throw new UnprocessableRecordException("the record has no key");
        }
        if (rawValue == null) {
            if (tombstones) {
                return null;
            }
            throw new UnprocessableRecordException("a record without a value (tombstone) is not an event");
        }
        V value = topic.valueSerde().deserializer().deserialize(topic.name(), headers, rawValue);
        String problem = check.apply(key, value);
        if (problem != null) {
            throw new UnprocessableRecordException(problem);
        }
        return value;
    }
}
