package no.biztek.support.kafka.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

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
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

/**
 * Runs a service's Kafka Streams application with the Spring context, the one way every service does:
 * {@code exactly_once_v2}; started after the web server (so {@code application.server} can name the port it got)
 * and before Kafka listener containers, stopped in the reverse order, leaving the group on close so a restart
 * rebalances at once. A stream thread that dies is replaced; processing resumes from the last commit. The
 * client's metrics are bound to Micrometer.
 *
 * <p><b>Health</b> (one meaning for every service, {@link StreamsHealth}): <i>ready</i> while RUNNING, and while
 * REBALANCING once it has been RUNNING (a later rebalance is routine and short; its stores stay queryable or the
 * query says so). Kafka Streams also reports REBALANCING from the moment it starts, before it ever reached the
 * broker: that is not ready. <i>Alive</i> unless it failed for good (PENDING_ERROR, ERROR), which only a
 * restart of the instance cures.
 */
public final class StreamsRunner implements SmartLifecycle {

    /** After the web server (Integer.MAX_VALUE - 1024), before Kafka listener containers (Integer.MAX_VALUE - 100). */
    public static final int PHASE = Integer.MAX_VALUE - 1000;
    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private final String applicationId;
    private final Supplier<Topology> topology;
    private final Supplier<Map<String, Object>> config;
    private final Duration closeTimeout;
    private final KafkaStreamsMicrometerListener micrometer;

    private volatile KafkaStreams streams;
    private volatile boolean stopped;
    private volatile boolean hasRun;

    /**
     * @param applicationId the application id (also the client's metrics id)
     * @param topology      the service's topology
     * @param config        the Kafka Streams configuration, built when the application starts
     * @param closeTimeout  how long a shutdown waits for the stream threads
     * @param micrometer    where the client's metrics go
     */
    public StreamsRunner(String applicationId, Supplier<Topology> topology, Supplier<Map<String, Object>> config,
                         Duration closeTimeout, KafkaStreamsMicrometerListener micrometer) {
        this.applicationId = applicationId;
        this.topology = topology;
        this.config = config;
        this.closeTimeout = closeTimeout;
        this.micrometer = micrometer;
    }

    /** The configuration the application starts with (customizers applied). */
    Map<String, Object> config() {
        return config.get();
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        Properties props = new Properties();
        props.putAll(config());
        KafkaStreams created = new KafkaStreams(topology.get(), props);
        created.setUncaughtExceptionHandler(StreamsRunner::onUncaughtException);
        hasRun = false;
        created.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                hasRun = true;
            }
            log.info("Kafka Streams {}: {} -> {}", applicationId, before, now);
        });
        micrometer.streamsAdded(applicationId, created);
        log.info("Starting Kafka Streams {} (application.server {}, state.dir {})", applicationId,
                props.get("application.server"), props.get("state.dir"));
        created.start();
        streams = created;
        stopped = false;
    }

    /**
     * A stream thread died on an unexpected error (a bug, Kafka unreachable longer than the clients wait): it is
     * replaced and processing resumes from the last commit.
     */
    static StreamThreadExceptionResponse onUncaughtException(Throwable exception) {
        log.error("A stream thread failed; replacing it (processing resumes from the last commit)", exception);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    @Override
    public synchronized void stop() {
        KafkaStreams running = streams;
        streams = null;
        stopped = true;
        if (running != null) {
            running.close(new KafkaStreams.CloseOptions().timeout(closeTimeout).leaveGroup(true));
            micrometer.streamsRemoved(applicationId, running);
        }
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    public String applicationId() {
        return applicationId;
    }

    /** The running client, or null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }

    /** CREATED until started, NOT_RUNNING once stopped, otherwise the client's state. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        if (current == null) {
            return stopped ? KafkaStreams.State.NOT_RUNNING : KafkaStreams.State.CREATED;
        }
        return current.state();
    }

    /** Whether the application processes and its stores can be queried: RUNNING, or REBALANCING after RUNNING. */
    public boolean isReady() {
        KafkaStreams.State state = state();
        return state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING && hasRun;
    }

    /** Whether it failed for good (all stream threads gone): only a restart of the instance helps. */
    public boolean hasFailed() {
        KafkaStreams.State state = state();
        return state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.ERROR;
    }

    /**
     * A store of this instance, waiting up to {@code timeout} while the application starts or rebalances.
     *
     * @throws InvalidStateStoreException when it is not queryable in time
     */
    public <T> T store(StoreQueryParameters<T> query, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            KafkaStreams current = streams;
            try {
                if (current == null) {
                    throw new InvalidStateStoreException("Kafka Streams " + applicationId + " is not running");
                }
                return current.store(query);
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

    /** A store of this instance, waiting up to {@code timeout} (all partitions this instance hosts). */
    public <T> T store(String name, QueryableStoreType<T> type, Duration timeout) {
        return store(StoreQueryParameters.fromNameAndType(name, type), timeout);
    }

    /** Which instance hosts a (String) key of a store; NOT_AVAILABLE while not running. */
    public KeyQueryMetadata metadataFor(String store, String key) {
        KafkaStreams current = streams;
        if (current == null) {
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
        return current.queryMetadataForKey(store, key, Serdes.String().serializer());
    }
}
