package no.biztek.support.policy;

import java.util.List;

/** Percentages of the first-response target at which an SLA warning is due; strictly ascending, each in 1..99. */
public record WarningThresholds(List<Integer> percents) {

    public static final WarningThresholds DEFAULT = new WarningThresholds(List.of(50, 75, 90));

    public WarningThresholds {
        percents = List.copyOf(percents);
        for (int i = 0; i < percents.size(); i++) {
            int percent = percents.get(i);
            if (percent <= 0 || percent >= 100) {
                throw new IllegalArgumentException("warning thresholds must lie between 0 and 100 (exclusive), was "
                        + percent);
            }
            if (i > 0 && percent <= percents.get(i - 1)) {
                throw new IllegalArgumentException("warning thresholds must be strictly ascending, were " + percents);
            }
        }
    }
}
