package no.biztek.support.kafka.streams;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import no.biztek.support.kafka.KafkaPlatformProperties;

/**
 * Runs the service's {@link Topology} bean, if it has one: a {@link StreamsRunner} configured from
 * {@code spring.kafka.streams.*} (application id default: {@code spring.application.name}), always with
 * {@code exactly_once_v2}, {@code application.server} from the {@link AdvertisedAddress} (a web application's own),
 * one standby replica unless configured otherwise (with several instances every task has a warm copy on
 * another one, which takes over from a killed instance without restoring the changelog; a single instance has
 * nowhere to put it), plus what {@link StreamsConfigCustomizer} beans add; and its health contributors {@code kafkaStreams}
 * (readiness) and {@code kafkaStreamsLiveness} (liveness).
 */
@AutoConfiguration
@ConditionalOnClass(KafkaStreams.class)
@ConditionalOnBean(Topology.class)
public class StreamsRunnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunnerConfiguration.class);

    @Bean
    StreamsRunner streamsRunner(ObjectProvider<Topology> topology, KafkaProperties kafka, Environment environment,
                                ObjectProvider<StreamsConfigCustomizer> customizers, KafkaPlatformProperties platform,
                                ObjectProvider<MeterRegistry> registry, ObjectProvider<AdvertisedAddress> address) {
        String applicationId = applicationId(kafka, environment);
        return new StreamsRunner(applicationId, topology::getObject, () -> {
            Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            config.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, 1);
            AdvertisedAddress advertised = address.getIfAvailable();
            HostInfo self = advertised == null ? null : advertised.self();
            if (self != null) {
                config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            } else {
                log.info("No HTTP port known: the other instances cannot forward queries to this one");
            }
            customizers.orderedStream().forEach(customizer -> customizer.customize(config));
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            return config;
        }, platform.streamsCloseTimeout(),
                new KafkaStreamsMicrometerListener(registry.getIfAvailable(() -> Metrics.globalRegistry)));
    }

    /** {@code spring.kafka.streams.application-id}, else {@code spring.application.name}. */
    public static String applicationId(KafkaProperties kafka, Environment environment) {
        String configured = kafka.getStreams().getApplicationId();
        return configured != null && !configured.isBlank() ? configured
                : environment.getRequiredProperty("spring.application.name");
    }

    @Bean
    @ConditionalOnClass(HealthIndicator.class)
    HealthIndicator kafkaStreams(StreamsRunner runner) {
        return StreamsHealth.readiness(runner);
    }

    @Bean
    @ConditionalOnClass(HealthIndicator.class)
    HealthIndicator kafkaStreamsLiveness(StreamsRunner runner) {
        return StreamsHealth.liveness(runner);
    }

    /** Where a web server can start (the port comes from it unless configured). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
    static class Advertising {

        /** The configured host, else the one address the server listens on ({@code server.address}), else ours. */
        @Bean
        AdvertisedAddress advertisedAddress(KafkaPlatformProperties platform, Environment environment) {
            String host = platform.advertisedHost();
            String listening = environment.getProperty("server.address");
            if (host == null && listening != null && !listening.isBlank() && !listening.equals("0.0.0.0")
                    && !listening.equals("::")) {
                host = listening;
            }
            return new AdvertisedAddress(host, platform.advertisedPort());
        }
    }
}
