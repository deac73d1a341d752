package no.biztek.support.kafka.deadletter;

import java.util.function.BiFunction;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The decoding step of a {@link DeadLetterRoute}: decodes key and value with the topic's serdes and checks the
 * value; a record without a key, a tombstone (unless the route lets tombstones through), bytes the serde cannot
 * read, or a value the check refuses becomes a dead letter, in the same transaction.
 */
final class DecodeOrDeadLetter<V> implements Processor<byte[], byte[], Object, Object> {

    private final DeadLetterRoute<V> route;
    private final String next;
    private final BiFunction<String, ? super V, String> check;
    private ProcessorContext<Object, Object> context;

    DecodeOrDeadLetter(DeadLetterRoute<V> route, String next, BiFunction<String, ? super V, String> check) {
        this.route = route;
        this.next = next;
        this.check = check;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        try {
            String key = record.key() == null ? null
                    : route.topic().keySerde().deserializer().deserialize(route.topic().name(), record.key());
            V value = route.decode(key, record.value(), record.headers(), check);
            context.forward(new Record<Object, Object>(key, new Decoded<>(value, record.key(), record.value()),
                    record.timestamp(), record.headers()), next);
        } catch (RuntimeException e) {
            route.deadLetter(context, record.key(), record.value(), record, e);
        }
    }
}
