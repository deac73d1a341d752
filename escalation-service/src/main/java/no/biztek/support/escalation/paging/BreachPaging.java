package no.biztek.support.escalation.paging;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.Severity;

/**
 * Which SLA breaches page on-call, and from which level (1-based): per metric (as SLA events name it) and severity.
 * A metric or severity not listed pages nobody; such a breach is told to the support desk instead.
 *
 * @param levels metric → (severity → level)
 */
public record BreachPaging(Map<Metric, Map<Severity, Integer>> levels) {

    public BreachPaging {
        Map<Metric, Map<Severity, Integer>> copy = new EnumMap<>(Metric.class);
        levels.forEach((metric, bySeverity) -> copy.put(metric, Map.copyOf(bySeverity)));
        levels = Map.copyOf(copy);
    }

    /**
     * The level a breach pages from.
     *
     * @param metric   the metric's id, e.g. {@code resolution}; one this service does not know pages nobody
     * @param severity the severity's name (the Avro and the policy symbols are the same)
     */
    public Optional<Integer> level(String metric, String severity) {
        return Metric.byId(metric)
                .map(m -> levels.getOrDefault(m, Map.of()).get(Severity.valueOf(severity)));
    }

    public boolean pagesNobody(String metric, String severity) {
        return level(metric, severity).isEmpty();
    }
}
