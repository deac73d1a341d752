package no.biztek.support.notification.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input topic's raw records: decodes each value, hands it to the feature's logic, and sends a
 * record that cannot be decoded, or whose processing fails, to the topic's dead-letter topic, so the
 * stream goes on. Infrastructure failures (Kafka exceptions) are not the record's fault and are rethrown (the
 * stream thread is replaced and the record processed again), except Kafka's {@link SerializationException}: a
 * stored value that cannot be read back (e.g. written by an incompatible version) is a data problem, so the
 * record goes to the dead-letter topic (to be replayed once fixed) and the pipeline goes on.
 *
 * @param <T> the decoded value type
 * @param <L> the feature logic bound to the task's stores
 */
public final class InputProcessor<T, L> implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(InputProcessor.class);

    private final String topic;
    private final Deserializer<T> deserializer;
    private final String deadLetterSink;
    private final PipelineSettings settings;
    private final Function<ProcessorContext<String, Object>, L> logicFactory;
    private final BiConsumer<L, Record<String, T>> handler;
    private final Consumer<L> punctuation;
    private final Duration punctuationInterval;

    private L logic;
    private DeadLetterRouting<T> routing;

    public InputProcessor(String topic, Deserializer<T> deserializer, String deadLetterSink, PipelineSettings settings,
                          Function<ProcessorContext<String, Object>, L> logicFactory,
                          BiConsumer<L, Record<String, T>> handler, Consumer<L> punctuation,
                          Duration punctuationInterval) {
        this.topic = Objects.requireNonNull(topic);
        this.deserializer = Objects.requireNonNull(deserializer);
        this.deadLetterSink = Objects.requireNonNull(deadLetterSink);
        this.settings = Objects.requireNonNull(settings);
        this.logicFactory = Objects.requireNonNull(logicFactory);
        this.handler = Objects.requireNonNull(handler);
        this.punctuation = punctuation;
        this.punctuationInterval = punctuationInterval;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        logic = logicFactory.apply(context);
        routing = new DeadLetterRouting<>(context, topic, deserializer, deadLetterSink, settings.service(),
                settings.deadLetterMetrics());
        if (punctuation != null) {
            context.schedule(punctuationInterval, PunctuationType.WALL_CLOCK_TIME, timestamp -> {
                try {
                    punctuation.accept(logic);
                } catch (SerializationException e) {
                    log.error("Scheduled work on {} cannot read a stored value; it is tried again at the next interval",
                            topic, e);
                } catch (KafkaException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.error("Scheduled work on {} failed; it is tried again at the next interval", topic, e);
                }
            });
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        T value = routing.decode(record);
        if (value == null && record.value() != null) {
            return; // dead-lettered
        }
        try {
            handler.accept(logic, record.withValue(value));
        } catch (SerializationException e) {
            routing.deadLetter(record, e);
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            routing.deadLetter(record, e);
        }
    }
}
