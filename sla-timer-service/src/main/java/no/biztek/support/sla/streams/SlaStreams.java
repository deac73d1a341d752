package no.biztek.support.sla.streams;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.sla.clock.ClockMetrics;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.sla.clock.TopologySettings;
import no.biztek.support.sla.deadletter.DeadLetterConfig;

/**
 * The Kafka Streams application of the service: built from {@link SlaTopology} with
 * {@code exactly_once_v2}, started after the HTTP server (so {@code application.server} names the port
 * it got) and closed, leaving the group, before it. A stream thread that dies is replaced.
 */
public class SlaStreams implements SmartLifecycle, ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(SlaStreams.class);
    static final String METRICS_ID = "sla-timer";

    private final KafkaProperties kafka;
    private final String applicationName;
    private final SlaStreamsProperties properties;
    private final PolicyHistory policies;
    private final Clock clock;
    private final ClockMetrics metrics;
    private final KafkaDeadLetterPublisher deadLetters;
    private final KafkaStreamsMicrometerListener micrometer;

    private volatile int serverPort;
    private volatile KafkaStreams streams;
    private volatile AdminBacklogLookup backlogLookup;
    private volatile HostInfo self;

    SlaStreams(KafkaProperties kafka, String applicationName, SlaStreamsProperties properties, PolicyHistory policies,
               Clock clock, ClockMetrics metrics, KafkaDeadLetterPublisher deadLetters,
               KafkaStreamsMicrometerListener micrometer) {
        this.kafka = kafka;
        this.applicationName = applicationName;
        this.properties = properties;
        this.policies = policies;
        this.clock = clock;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.micrometer = micrometer;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            serverPort = event.getWebServer().getPort();
        }
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        Map<String, Object> config = streamsConfig();
        Properties props = new Properties();
        props.putAll(config);
        backlogLookup = new AdminBacklogLookup(kafka.buildAdminProperties(),
                (String) config.get(StreamsConfig.APPLICATION_ID_CONFIG));
        Topology topology = SlaTopology.build(policies, clock::instant, new TopologySettings(applicationName,
                properties.punctuationInterval(), properties.maxTimersPerPunctuation(),
                properties.closedClockRetention(), properties.backlogWait()), metrics, backlogLookup);
        KafkaStreams created = new KafkaStreams(topology, props);
        created.setUncaughtExceptionHandler(exception -> {
            log.error("SLA stream thread failed; replacing it (processing resumes from the last commit)", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        created.setStateListener((newState, oldState) -> log.info("SLA streams {} -> {}", oldState, newState));
        micrometer.streamsAdded(METRICS_ID, created);
        log.info("Starting SLA streams: application.id {}, application.server {}, state.dir {}",
                config.get(StreamsConfig.APPLICATION_ID_CONFIG), config.get(StreamsConfig.APPLICATION_SERVER_CONFIG),
                config.get(StreamsConfig.STATE_DIR_CONFIG));
        created.start();
        streams = created;
    }

    Map<String, Object> streamsConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
        config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, applicationName);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        int port = properties.advertisedPort() > 0 ? properties.advertisedPort() : serverPort;
        if (port > 0) {
            self = new HostInfo(properties.advertisedHost(), port);
            config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, properties.advertisedHost() + ":" + port);
        } else {
            self = null;
            log.warn("No HTTP port known: this instance answers SLA queries only for the tickets it owns");
        }
        config.putAll(DeadLetterConfig.streamsProperties(deadLetters, applicationName));
        return config;
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
        backlogLookup.close();
        deadLetters.close();
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** The running streams, or null before start and after stop. */
    public KafkaStreams streams() {
        return streams;
    }

    /** The state of the streams; NOT_RUNNING before start and after stop. */
    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.NOT_RUNNING : current.state();
    }

    /** This instance as other instances reach it, or null when unknown. */
    public HostInfo self() {
        return self;
    }
}
