package no.biztek.support.schemas.topic;

/** Kafka's {@code cleanup.policy} of a topic. */
public enum CleanupPolicy {
    DELETE("delete"),
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The value of the topic config {@code cleanup.policy}. */
    public String configValue() {
        return configValue;
    }
}
