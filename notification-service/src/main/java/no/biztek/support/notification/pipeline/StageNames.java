package no.biztek.support.notification.pipeline;

/** Names of the topology's nodes that more than one stage refers to. */
public final class StageNames {

    /** Sink of the drafts topic (ticket stage → customer stage). */
    public static final String DRAFTS_SINK = "drafts-sink";
    /** Sink of the commands topic (customer stage → sender). */
    public static final String COMMANDS_SINK = "commands-sink";
    /** Sink of the platform's notification events topic (failures decided in the pipeline). */
    public static final String NOTIFICATION_EVENTS_SINK = "notification-events-sink";

    private StageNames() {
    }

    /** The sink of a topic's dead-letter topic. */
    public static String deadLetterSink(String topic) {
        return "dead-letters-" + topic;
    }
}
