package no.biztek.support.escalation.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * Runs the topology with {@code exactly_once_v2}: started with the application, closed (leaving the
 * group) before Kafka clients go away. A stream thread that dies is replaced; processing resumes from
 * the last commit. {@link #stop()} then {@link #start()} is a restart of the stream processing:
 * state is restored from the local state directory or, when that is gone, from the changelogs.
 */
public final class EscalationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EscalationStreams.class);
    private static final String METRICS_ID = "escalation";

    private final KafkaProperties kafka;
    private final StreamsProperties properties;
    private final Supplier<Topology> topology;
    private final KafkaStreamsMicrometerListener micrometer;
    private volatile KafkaStreams streams;

    public EscalationStreams(KafkaProperties kafka, StreamsProperties properties, Supplier<Topology> topology,
                             KafkaStreamsMicrometerListener micrometer) {
        this.kafka = kafka;
        this.properties = properties;
        this.topology = topology;
        this.micrometer = micrometer;
    }

    Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return config;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        Properties props = new Properties();
        props.putAll(config());
        KafkaStreams created = new KafkaStreams(topology.get(), props);
        created.setUncaughtExceptionHandler(exception -> {
            log.error("Escalation stream thread failed; replacing it (processing resumes from the last commit)",
                    exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((newState, oldState) -> log.info("Escalation streams {} -> {}", oldState, newState));
        micrometer.streamsAdded(METRICS_ID, created);
        created.start();
        streams = created;
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        if (running == null) {
            return;
        }
        streams = null;
        running.close(new KafkaStreams.CloseOptions().timeout(properties.closeTimeout()).leaveGroup(true));
        micrometer.streamsRemoved(METRICS_ID, running);
    }

    /**
     * Stops, deletes the local state and starts again: the next start restores every store from its
     * changelog topic (what a new machine does).
     */
    public synchronized void restartFromChangelogs() {
        KafkaStreams running = streams;
        stop();
        if (running != null) {
            running.cleanUp();
        }
        start();
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }

    @Override
    public int getPhase() {
        // after the topic followers, before the web server
        return Integer.MIN_VALUE + 2000;
    }
}
