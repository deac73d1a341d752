package no.biztek.support.notification.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the pipeline's Kafka Streams application with the Spring context: started before the sender's
 * listener containers, stopped after them, leaving the group on close so a restart rebalances at once.
 */
public final class NotificationStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties config;
    private volatile KafkaStreams streams;
    private volatile boolean stopped;

    public NotificationStreams(Topology topology, Map<String, Object> config) {
        this.topology = topology;
        this.config = new Properties();
        this.config.putAll(config);
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        KafkaStreams created = new KafkaStreams(topology, config);
        created.setUncaughtExceptionHandler(NotificationStreams::onUncaughtException);
        created.setStateListener((now, before) -> log.info("Notification pipeline {} -> {}", before, now));
        created.start();
        streams = created;
    }

    /**
     * A stream thread died on an unexpected error (e.g. Kafka unreachable for longer than the clients wait):
     * it is replaced and processing resumes from the last commit, as in the sibling services. Only a failure
     * the client cannot recover from (the global thread) stops the pipeline, which the health groups report.
     */
    static StreamThreadExceptionResponse onUncaughtException(Throwable exception) {
        log.error("A notification pipeline thread failed; replacing it (processing resumes from the last commit)",
                exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        streams = null;
        stopped = true;
        if (running != null) {
            running.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(CLOSE_TIMEOUT));
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    @Override
    public int getPhase() {
        // before the Kafka listener containers (which start late and stop early)
        return Integer.MAX_VALUE - 1000;
    }

    /** The application's state: CREATED until it is started, NOT_RUNNING once stopped. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        if (current == null) {
            return stopped ? KafkaStreams.State.NOT_RUNNING : KafkaStreams.State.CREATED;
        }
        return current.state();
    }

    /** Whether the stores can be queried (running, or rebalancing with the stores still served). */
    public boolean isQueryable() {
        KafkaStreams.State state = state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
    }

    /**
     * A store of this instance, waiting up to {@code timeout} while the application starts or rebalances.
     *
     * @throws InvalidStateStoreException when it is not queryable in time
     */
    public <T> T store(String name, QueryableStoreType<T> type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            KafkaStreams current = streams;
            try {
                if (current == null) {
                    throw new InvalidStateStoreException("the notification pipeline is not running");
                }
                return current.store(StoreQueryParameters.fromNameAndType(name, type));
            } catch (InvalidStateStoreException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Which instance hosts a key of a store (for answering queries about any ticket). */
    public KeyQueryMetadata metadataFor(String store, String key) {
        KafkaStreams current = streams;
        if (current == null) {
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
        return current.queryMetadataForKey(store, key, Serdes.String().serializer());
    }
}
