package no.biztek.support.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service meets Kafka: the platform's topics, and how its Kafka Streams application is run.
 *
 * @param createTopics      create every catalogue topic and its dead-letter topic on start-up (off where
 *                          operators manage topics)
 * @param replicationFactor replicas of created topics: 1 on a single local broker, 3 in production
 * @param partitions        partitions of created topics; 0: each topic's catalogue default
 * @param eventRetention    retention of the event topics and of every dead-letter topic; empty: forever.
 *                          Kafka is the source of truth: services rebuild their views (open tickets,
 *                          invoice basis) from these topics, so keep them at least as long as those matter
 * @param streamsCloseTimeout how long a service's Kafka Streams application gets to close on shutdown
 * @param advertisedHost    the host the other instances of a service reach this one at (Kafka Streams
 *                          {@code application.server}); empty: the address the HTTP server listens on if
 *                          {@code server.address} names one, else this host's own address (a Kubernetes pod's
 *                          IP, a compose container's), so scaled-out instances tell themselves apart by default
 * @param advertisedPort    the port the other instances reach this one at; 0: the port the HTTP server got
 */
@Validated
@ConfigurationProperties("support.kafka")
public record KafkaPlatformProperties(Boolean createTopics, @Min(1) Short replicationFactor, @Min(0) Integer partitions,
                                      Duration eventRetention, Duration streamsCloseTimeout,
                                      @Pattern(regexp = "[A-Za-z0-9.:-]*", message = "must be a host name or address")
                                      String advertisedHost,
                                      @Min(0) @Max(65535) Integer advertisedPort) {

    public KafkaPlatformProperties {
        createTopics = createTopics == null || createTopics;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        partitions = partitions == null ? 0 : partitions;
        streamsCloseTimeout = streamsCloseTimeout == null ? Duration.ofSeconds(30) : streamsCloseTimeout;
        advertisedHost = advertisedHost == null || advertisedHost.isBlank() ? null : advertisedHost;
        advertisedPort = advertisedPort == null ? 0 : advertisedPort;
    }

    /** The {@code retention.ms} of event and dead-letter topics. */
    public String eventRetentionMs() {
        return eventRetention == null ? "-1" : Long.toString(eventRetention.toMillis());
    }
}
