package no.biztek.support.kafka.deadletter;

import java.util.function.BiFunction;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The decoding step of a {@link DeadLetterRoute} in a DSL topology ({@link DeadLetterRoute#stream}): the source
 * has read the key with the topic's key serde, this step decodes and checks the value as {@link DecodeOrDeadLetter}
 * does and keeps the key, so the stream needs no repartition. Its dead letters go to its own sink, {@code sink}.
 */
final class DecodeValueOrDeadLetter<V> implements FixedKeyProcessor<String, byte[], Object> {

    private final DeadLetterRoute<V> route;
    private final String next;
    private final String sink;
    private final BiFunction<String, ? super V, String> check;
    private FixedKeyProcessorContext<String, Object> context;

    DecodeValueOrDeadLetter(DeadLetterRoute<V> route, String next, String sink,
                            BiFunction<String, ? super V, String> check) {
        this.route = route;
        this.next = next;
        this.sink = sink;
        this.check = check;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Object> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        try {
            V value = route.decode(record.key(), record.value(), record.headers(), check);
            byte[] rawKey = route.topic().keySerde().serializer().serialize(route.topic().name(), record.key());
            context.forward(record.withValue(new Decoded<>(value, rawKey, record.value())), next);
        } catch (RuntimeException e) {
            Headers headers = route.explain(context.recordMetadata(), record.headers(), e);
            context.forward(record.<Object>withValue(record.value()).withHeaders(headers), sink);
        }
    }
}
