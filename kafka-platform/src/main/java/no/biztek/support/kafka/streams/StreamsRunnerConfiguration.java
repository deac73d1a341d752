package no.biztek.support.kafka.streams;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.streams.KafkaStreamsMicrometerListener;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

import no.biztek.support.kafka.KafkaPlatformProperties;

/**
 * Runs the service's {@link Topology} bean, if it has one: a {@link StreamsRunner} configured from
 * {@code spring.kafka.streams.*} (application id default: {@code spring.application.name}), always with
 * {@code exactly_once_v2}, plus what {@link StreamsConfigCustomizer} beans add; and its health contributors
 * {@code kafkaStreams} (readiness) and {@code kafkaStreamsLiveness} (liveness).
 */
@AutoConfiguration
@ConditionalOnClass(KafkaStreams.class)
@ConditionalOnBean(Topology.class)
public class StreamsRunnerConfiguration {

    @Bean
    StreamsRunner streamsRunner(ObjectProvider<Topology> topology, KafkaProperties kafka, Environment environment,
                                ObjectProvider<StreamsConfigCustomizer> customizers, KafkaPlatformProperties platform,
                                ObjectProvider<MeterRegistry> registry) {
        String applicationId = applicationId(kafka, environment);
        return new StreamsRunner(applicationId, topology::getObject, () -> {
            Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
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
}
