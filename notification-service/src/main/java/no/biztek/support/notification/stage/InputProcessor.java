package no.biztek.support.notification.stage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.kafka.deadletter.Decoded;
import no.biztek.support.schemas.topic.Topic;

/**
 * Takes the decoded records of a stage's input topics in one processor, so that the stage's logic (and what it keeps
 * in memory, such as its timer index's scan position) exists once per task: each input is decoded by a step of its
 * own (kafka-platform's {@link DeadLetterRoute}, which dead-letters what cannot be decoded, in the transaction), this
 * processor hands each value to the logic and sends a record whose processing fails to its topic's dead-letter topic,
 * so the stream goes on. Infrastructure failures (Kafka exceptions) are not the record's fault and are rethrown (the
 * stream thread is replaced and the record processed again), except Kafka's {@link SerializationException}: a stored
 * value that cannot be read back (e.g. written by an incompatible version) is a data problem, so the record goes to
 * the dead-letter topic (to be replayed once fixed) and the pipeline goes on.
 *
 * @param <L> the stage's logic bound to the task's stores
 */
public final class InputProcessor<L> implements Processor<String, Decoded<?>, String, Object> {

    private static final Logger log = LoggerFactory.getLogger(InputProcessor.class);

    private final String stage;
    private final List<Input<L, ?>> inputs;
    private final PipelineSettings settings;
    private final Function<ProcessorContext<String, Object>, L> logicFactory;
    private final Consumer<L> punctuation;

    private final Map<String, Input<L, ?>> byTopic = new HashMap<>();
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

    /**
     * One input topic of a stage: the route that decodes its records and dead-letters them, and what handles its
     * values. Its tombstones are let through the route and skipped.
     */
    public record Input<L, T>(DeadLetterRoute<T> route, BiConsumer<L, T> handler) {

        public static <L, T> Input<L, T> of(Topic<String, T> topic, PipelineSettings settings,
                                            BiConsumer<L, T> handler) {
            return new Input<>(DeadLetterRoute.of(topic, settings.service(), settings.deadLetterMetrics())
                    .withTombstones(), handler);
        }

        /** Adds the topic's source and its decoding step, which feeds {@code processor}; returns the step's name. */
        public String addSource(Topology topology, String processor) {
            return route.addSource(topology, processor, (key, value) -> null);
        }

        void process(L logic, ProcessorContext<?, ?> context, Record<String, Decoded<?>> record) {
            @SuppressWarnings("unchecked")
            Record<String, Decoded<T>> decoded = (Record<String, Decoded<T>>) (Record<?, ?>) record;
            T value = decoded.value().value();
            if (value == null) {
                return; // a tombstone
            }
            try {
                handler.accept(logic, value);
            } catch (SerializationException e) {
                route.deadLetter(context, decoded, e);
            } catch (KafkaException e) {
                throw e;
            } catch (RuntimeException e) {
                route.deadLetter(context, decoded, e);
            }
        }
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        logic = logicFactory.apply(context);
        for (Input<L, ?> input : inputs) {
            byTopic.put(input.route().topic().name(), input);
        }
        if (punctuation != null) {
            context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, timestamp -> punctuate());
        }
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
    public void process(Record<String, Decoded<?>> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        Input<L, ?> input = byTopic.get(topic);
        if (input == null) {
            throw new IllegalStateException(stage + " has no input " + topic);
        }
        input.process(logic, context, record);
    }
}
