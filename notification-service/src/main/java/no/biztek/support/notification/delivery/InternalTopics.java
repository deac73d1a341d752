package no.biztek.support.notification.delivery;

import java.util.Objects;

import org.apache.kafka.common.serialization.Serdes;

import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.Topic;

/**
 * The service's own topics and consumer groups (not platform contracts), all named by one rule,
 * {@code <application-id>-<name>}, the rule Kafka Streams names its changelogs by
 * ({@code <application-id>-<store>-changelog}). The application id is {@code spring.kafka.streams.application-id}.
 */
public final class InternalTopics {

    /** Suffix of the sender's retry topics ({@code <commands>.retry-N}). */
    public static final String RETRY_SUFFIX = ".retry";

    private static final JsonSerde<NotificationCommand> COMMAND_VALUES = JsonSerde.of(NotificationCommand.class);
    private static final JsonSerde<SentMarker> SENT_VALUES = JsonSerde.of(SentMarker.class);

    private final String applicationId;
    private final Topic<String, NotificationCommand> commands;
    private final Topic<String, SentMarker> sent;

    /**
     * @param applicationId the Kafka Streams application id
     * @param partitions    partitions of the internal topics when the service creates them
     */
    public InternalTopics(String applicationId, int partitions) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
        this.commands = new Topic<>(name(applicationId, "commands.v1"), Serdes.String(), COMMAND_VALUES,
                CleanupPolicy.DELETE, partitions);
        // compacted and time-limited (cleanup.policy compact,delete): see PipelineConfiguration
        this.sent = new Topic<>(name(applicationId, "sent.v1"), Serdes.String(), SENT_VALUES, CleanupPolicy.COMPACT,
                partitions);
    }

    private static String name(String applicationId, String name) {
        return applicationId + "-" + name;
    }

    public String applicationId() {
        return applicationId;
    }

    /** Mails to send, worded and addressed, keyed by ticketId: ticket stage → sender. */
    public Topic<String, NotificationCommand> commands() {
        return commands;
    }

    /** Notifications whose mail the SMTP server accepted, keyed by notificationId: the sent view's source. */
    public Topic<String, SentMarker> sent() {
        return sent;
    }

    public String senderGroup() {
        return name(applicationId, "sender");
    }

    /** The group of the consumer that dead-letters invalid customer directory records. */
    public String customerCheckGroup() {
        return name(applicationId, "customer-check");
    }

    public int partitions() {
        return commands.defaultPartitions();
    }
}
