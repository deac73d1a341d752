package no.biztek.support.notification.stage;

/** Names of the topology's nodes that more than one class refers to. */
public final class StageNames {

    /** Sink of the commands topic (ticket stage → sender). */
    public static final String COMMANDS_SINK = "commands-sink";

    private StageNames() {
    }
}
