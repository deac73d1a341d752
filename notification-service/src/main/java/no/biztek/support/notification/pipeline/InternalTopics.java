package no.biztek.support.notification.pipeline;

/**
 * The service's own topics (not platform contracts), all named with the service's application id as prefix.
 * Created by the service on start-up.
 *
 * @param applicationId      Kafka Streams application id and prefix of every internal topic and group
 * @param partitions         partitions of the internal topics: the catalogue's (or the platform override)
 * @param replicationFactor  replicas of the internal topics
 */
public record InternalTopics(String applicationId, int partitions, short replicationFactor) {

    /** Mails to send, worded and addressed, keyed by ticketId. */
    public static final String COMMANDS = ".commands.v1";
    /** Notifications whose mail the SMTP server accepted, keyed by notificationId; compacted and time-limited. */
    public static final String SENT = ".sent.v1";
    /** Suffix of the sender's retry topics ({@code <commands>.retry-N}). */
    public static final String RETRY_SUFFIX = ".retry";
    /** Suffix of dead-letter topics, as for every platform topic. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    /** Suffix of the sender's consumer group. */
    public static final String SENDER_GROUP = "-sender";
    /** Suffix of the consumer group that dead-letters invalid customer directory records. */
    public static final String CUSTOMER_CHECK_GROUP = "-customer-check";

    public String commands() {
        return applicationId + COMMANDS;
    }

    public String commandsDeadLetters() {
        return commands() + DEAD_LETTER_SUFFIX;
    }

    /** The first retry topic of the commands (every transient failure passes through it). */
    public String firstCommandsRetry() {
        return commands() + RETRY_SUFFIX + "-0";
    }

    public String sent() {
        return applicationId + SENT;
    }

    public String senderGroup() {
        return applicationId + SENDER_GROUP;
    }

    public String customerCheckGroup() {
        return applicationId + CUSTOMER_CHECK_GROUP;
    }
}
