package no.biztek.support.policy;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import no.biztek.support.policy.calendar.BusinessCalendar;

/**
 * What the terms promise for one severity.
 *
 * @param severity            the severity
 * @param name                its name in the terms, e.g. "Critical / Major incident"
 * @param targets             business-time target per metric; first response always has one, resolution may
 * @param pagesAroundTheClock whether a ticket of this severity pages the on-call engineer at any hour (24x7)
 * @param calendar            the business time its targets are counted in (the plan's, unless the severity has its own)
 */
public record SeverityTerms(Severity severity, String name, Map<Metric, Duration> targets,
                            boolean pagesAroundTheClock, BusinessCalendar calendar) {

    public SeverityTerms {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(calendar, "calendar");
        targets = Map.copyOf(new EnumMap<>(targets));
        Duration firstResponse = targets.get(Metric.FIRST_RESPONSE);
        if (firstResponse == null) {
            throw new IllegalArgumentException("a first-response target is required");
        }
        targets.forEach((metric, target) -> {
            if (target.isNegative() || target.isZero()) {
                throw new IllegalArgumentException(metric.id() + " target must be positive, was " + target);
            }
        });
        Duration resolution = targets.get(Metric.RESOLUTION);
        if (resolution != null && resolution.compareTo(firstResponse) < 0) {
            throw new IllegalArgumentException("resolution target " + resolution
                    + " must not be shorter than the first-response target " + firstResponse);
        }
    }

    public Duration firstResponseTarget() {
        return targets.get(Metric.FIRST_RESPONSE);
    }

    public Optional<Duration> resolutionTarget() {
        return target(Metric.RESOLUTION);
    }

    /** The metric's target, or empty when these terms do not measure it. */
    public Optional<Duration> target(Metric metric) {
        return Optional.ofNullable(targets.get(metric));
    }

    /** The first-response target in whole minutes (the unit SLA events report). */
    public int targetMinutes() {
        return Math.toIntExact(firstResponseTarget().toMinutes());
    }
}
