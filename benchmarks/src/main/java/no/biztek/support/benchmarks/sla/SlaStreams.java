package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.sla.clock.InputBacklog;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.sla.clock.TopologySettings;

/**
 * Starts and stops sla-timer-service's topology ({@link SlaTopology}) in a plain {@link KafkaStreams} with the
 * service's settings: exactly-once v2, the service's punctuation interval ({@code punctuation=<ms>} to change
 * it), at most 10,000 timers per punctuation, the default policy; persistent stores with changelogs.
 */
final class SlaStreams {

    /** The service's default punctuation interval (support.sla.punctuation-interval). */
    static final int PUNCTUATION_MILLIS = 50;

    private final DriverOptions options;
    private final TopologySettings settings;
    private final PolicyHistory policies = PolicyFile.defaultPolicy();

    SlaStreams(DriverOptions options) {
        this.options = options;
        this.settings = new TopologySettings("sla-timer-service",
                Duration.ofMillis(options.intOption("punctuation", PUNCTUATION_MILLIS)), 10_000, Duration.ofDays(30),
                Duration.ofSeconds(30));
        System.out.printf("punctuation every %s%n", settings.punctuationInterval());
    }

    /** Starts the topology on a clock that reads {@link VirtualTime#START} now. */
    KafkaStreams start(String applicationId, Path stateDir, BenchMetrics metrics) {
        return start(applicationId, stateDir, metrics, VirtualTime.startingNow());
    }

    KafkaStreams start(String applicationId, Path stateDir, BenchMetrics metrics, Clock clock) {
        Properties props = properties(options, applicationId, stateDir);
        // a fresh application id: no backlog, every ticket event is sent after the streams started
        KafkaStreams streams = new KafkaStreams(SlaTopology.build(policies, clock::instant, settings, metrics,
                InputBacklog.Lookup.NONE, new DeadLetterMetrics(new SimpleMeterRegistry())), props);
        streams.setUncaughtExceptionHandler(SlaStreams::printAndShutDown);
        streams.start();
        return streams;
    }

    /** The driver has no logger: a stream thread's failure is printed, and the client shuts down. */
    static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse printAndShutDown(Throwable failure) {
        System.err.println("stream thread failed:");
        failure.printStackTrace();
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The streams settings every topology of the driver runs with, the passthrough baseline's too. */
    static Properties properties(DriverOptions options, String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, options.brokers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, options.intOption("threads", 2));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        if (options.has("commit")) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, options.intOption("commit", 100));
        }
        if (options.has("poll")) {
            // how long an idle stream thread blocks in poll, and so waits to punctuate (Kafka's default 100 ms)
            props.put(StreamsConfig.POLL_MS_CONFIG, options.intOption("poll", 100));
        }
        // as the service: a restarted member waits 10 s, not Kafka's 45 s, for the old one's session to expire
        props.put("main.consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put("main.consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        return props;
    }

    static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("streams not RUNNING after " + timeout + ": " + streams.state());
            }
            Thread.sleep(50);
        }
    }

    static void timedClose(KafkaStreams streams) {
        long start = System.nanoTime();
        streams.close(Duration.ofSeconds(120));
        System.out.printf("closed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
