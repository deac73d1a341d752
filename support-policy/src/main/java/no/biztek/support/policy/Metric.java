package no.biztek.support.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What an SLA measures; each metric has a target per severity and its own pause reasons. */
public enum Metric {
    /** From {@code openedAt} until a consultant first responds. */
    FIRST_RESPONSE("first-response"),
    /** From {@code openedAt} until the ticket is resolved (and not reopened). */
    RESOLUTION("resolution");

    private final String id;

    Metric(String id) {
        this.id = id;
    }

    /** The metric's name in policy files and SLA events, e.g. {@code first-response}. */
    public String id() {
        return id;
    }

    public static Optional<Metric> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Metric::id).toList();
    }
}
