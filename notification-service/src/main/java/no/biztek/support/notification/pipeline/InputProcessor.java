package no.biztek.support.notification.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.schemas.topic.Topic;

/**
 * Reads the raw records of a stage's input topics in one processor, so that the stage's logic (and what it keeps in
 * memory, such as its timer index's scan position) exists once per task: decodes each value with its topic's serde,
 * hands it to the logic, and sends a record that cannot be decoded, or whose processing fails, to its topic's
 * dead-letter topic, so the stream goes on. Infrastructure failures (Kafka exceptions) are not the record's fault and
 * are rethrown (the stream thread is replaced and the record processed again), except Kafka's
 * {@link SerializationException}: a stored value that cannot be read back (e.g. written by an incompatible version)
 * is a data problem, so the record goes to the dead-letter topic (to be replayed once fixed) and the pipeline goes on.
 *
 * @param <L> the stage's logic bound to the task's stores
 */
public final class InputProcessor<L> implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(InputProcessor.class);

    private final String stage;
    private final List<Input<L, ?>> inputs;
    private final PipelineSettings settings;
    private final Function<ProcessorContext<String, Object>, L> logicFactory;
    private final Consumer<L> punctuation;

    private final Map<String, Route<L, ?>> routes = new HashMap<>();
    private ProcessorContext<String, Object> context;
    private L logic;

    /**
     * @param stage        the processor's name (logs)
     * @param punctuation  the stage's wall-clock work, run every {@code settings.checkInterval()}; null: none
     */
    public InputProcessor(String stage, List<Input<L, ?>> inputs, PipelineSettings settings,
                          Function<ProcessorContext<String, Object>, L> logicFactory, Consumer<L> punctuation) {
        this.stage = Objects.requireNonNull(stage);
        this.inputs = List.copyOf(inputs);
        this.settings = Objects.requireNonNull(settings);
        this.logicFactory = Objects.requireNonNull(logicFactory);
        this.punctuation = punctuation;
    }

    /** One input topic of a stage and what handles its values (tombstones are skipped). */
    public record Input<L, T>(Topic<String, T> topic, BiConsumer<L, T> handler) {

        /** The name of the sink node of the topic's dead-letter topic. */
        public String deadLetterSink() {
            return StageNames.deadLetterSink(topic.name());
        }
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        logic = logicFactory.apply(context);
        for (Input<L, ?> input : inputs) {
            routes.put(input.topic().name(), route(input));
        }
        if (punctuation != null) {
            context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> punctuate());
        }
    }

    private <T> Route<L, T> route(Input<L, T> input) {
        Topic<String, T> topic = input.topic();
        return new Route<>(new DeadLetterRouting<>(context, topic.name(), topic.valueSerde().deserializer(),
                input.deadLetterSink(), settings.service(), settings.deadLetterMetrics()), input.handler());
    }

    private void punctuate() {
        try {
            punctuation.accept(logic);
        } catch (SerializationException e) {
            log.error("Scheduled work of {} cannot read a stored value; it is tried again at the next interval", stage,
                    e);
        } catch (KafkaException e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Scheduled work of {} failed; it is tried again at the next interval", stage, e);
        }
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        Route<L, ?> route = routes.get(topic);
        if (route == null) {
            throw new IllegalStateException(stage + " has no input " + topic);
        }
        route.process(logic, record);
    }

    private record Route<L, T>(DeadLetterRouting<T> routing, BiConsumer<L, T> handler) {

        void process(L logic, Record<String, byte[]> record) {
            T value = routing.decode(record);
            if (value == null) {
                return; // a tombstone, or dead-lettered
            }
            try {
                handler.accept(logic, value);
            } catch (SerializationException e) {
                routing.deadLetter(record, e);
            } catch (KafkaException e) {
                throw e;
            } catch (RuntimeException e) {
                routing.deadLetter(record, e);
            }
        }
    }
}
