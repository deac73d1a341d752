package no.biztek.support.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * What the terms promise for one severity.
 *
 * @param severity            the severity
 * @param name                its name in the terms, e.g. "Critical / Major incident"
 * @param firstResponseTarget first-response target in business time
 * @param pagesAroundTheClock whether a ticket of this severity pages the on-call engineer at any hour (24x7)
 */
public record SeverityTerms(Severity severity, String name, Duration firstResponseTarget,
                            boolean pagesAroundTheClock) {

    public SeverityTerms {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(firstResponseTarget, "firstResponseTarget");
        if (firstResponseTarget.isNegative() || firstResponseTarget.isZero()) {
            throw new IllegalArgumentException("first-response target must be positive, was " + firstResponseTarget);
        }
    }

    /** The target in whole minutes (the unit SLA events report). */
    public int targetMinutes() {
        return Math.toIntExact(firstResponseTarget.toMinutes());
    }
}
