package no.biztek.support.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which pause reasons stop which metric's clock. Reasons are reason codes from the policy file, e.g.
 * {@code WAITING_ON_CUSTOMER}; a reason may pause no metric at all (known, but not a pause under these terms).
 *
 * @param pausedMetrics per reason code, the metrics it pauses
 */
public record PauseRules(Map<String, Set<Metric>> pausedMetrics) {

    /** The reason a resolved ticket is paused for until it is reopened. */
    public static final String RESOLVED = "RESOLVED";

    /** Terms that name no pause reasons: only a resolved ticket pauses, every metric. */
    public static final PauseRules DEFAULT = new PauseRules(Map.of(RESOLVED, EnumSet.allOf(Metric.class)));

    private static final String REASON_CODE = "[A-Z][A-Z0-9_]*";

    public PauseRules {
        Map<String, Set<Metric>> copy = new LinkedHashMap<>();
        pausedMetrics.forEach((reason, metrics) -> {
            if (!reason.matches(REASON_CODE)) {
                throw new IllegalArgumentException("must be an UPPER_SNAKE_CASE reason code, was '" + reason + "'");
            }
            copy.put(reason, metrics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(metrics)));
        });
        // SPEC §2: time while a ticket is resolved never counts, whatever else a plan pauses for
        if (!copy.containsKey(RESOLVED)) {
            throw new IllegalArgumentException("must list " + RESOLVED + ", pausing every metric " + Metric.ids());
        }
        if (!copy.get(RESOLVED).containsAll(EnumSet.allOf(Metric.class))) {
            throw new IllegalArgumentException(RESOLVED + " must pause every metric " + Metric.ids() + ", was "
                    + copy.get(RESOLVED).stream().map(Metric::id).toList());
        }
        pausedMetrics = Collections.unmodifiableMap(copy);
    }

    /** Whether a pause for this reason stops the metric's clock; an unknown reason pauses nothing. */
    public boolean pauses(String reason, Metric metric) {
        return pausedMetrics.getOrDefault(reason, Set.of()).contains(metric);
    }

    /** Every reason code these terms know, in file order. */
    public Set<String> reasons() {
        return pausedMetrics.keySet();
    }

    public boolean knows(String reason) {
        return pausedMetrics.containsKey(reason);
    }

    /** The reasons that pause the metric, in file order. */
    public Set<String> reasonsPausing(Metric metric) {
        return pausedMetrics.entrySet().stream().filter(e -> e.getValue().contains(metric)).map(Map.Entry::getKey)
                .collect(Collectors.collectingAndThen(Collectors.toCollection(LinkedHashSet::new),
                        Collections::unmodifiableSet));
    }
}
