package no.biztek.support.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import no.biztek.support.policy.calendar.BusinessCalendar;

/**
 * One version of one plan of the support terms, as data. A ticket is measured under the version of its
 * customer's plan in force when it was opened (see {@link PlanCatalogue} and {@link PolicyHistory}).
 *
 * @param plan                 the plan this is a version of, e.g. {@value PlanCatalogue#DEFAULT_PLAN}
 * @param id                   version id, unique across all plans, named by every SLA event measured under it
 * @param effectiveFrom        the instant from which this version is in force
 * @param calendar             business time: opening hours, holidays, closed dates
 * @param severities           terms per severity; every severity has terms
 * @param warningThresholds    when warnings are due, as percentages of a target
 * @param pauseRules           which pause reasons stop which metric's clock
 * @param downgradeReasons     reason codes a downgrade may carry
 * @param keepInformedCadence  the longest business time a customer waits for news of an open vendor escalation
 * @param vendorEscalation     default vendor-escalation terms for customers without their own
 */
public record SlaPolicy(String plan, String id, Instant effectiveFrom, BusinessCalendar calendar,
                        Map<Severity, SeverityTerms> severities, WarningThresholds warningThresholds,
                        PauseRules pauseRules, Set<String> downgradeReasons, Duration keepInformedCadence,
                        VendorEscalationTerms vendorEscalation) {

    public SlaPolicy {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(pauseRules, "pauseRules");
        Objects.requireNonNull(keepInformedCadence, "keepInformedCadence");
        Objects.requireNonNull(vendorEscalation, "vendorEscalation");
        for (Severity severity : Severity.values()) {
            if (!severities.containsKey(severity)) {
                throw new IllegalArgumentException("no terms for severity " + severity.level());
            }
        }
        severities = Map.copyOf(new EnumMap<>(severities));
        Objects.requireNonNull(warningThresholds, "warningThresholds");
        downgradeReasons = Set.copyOf(downgradeReasons);
        if (keepInformedCadence.isNegative() || keepInformedCadence.isZero()) {
            throw new IllegalArgumentException("keep-informed cadence must be positive, was " + keepInformedCadence);
        }
    }

    public SeverityTerms terms(Severity severity) {
        return severities.get(severity);
    }

    /** The first-response deadline of a ticket of the given severity opened at {@code openedAt}, never paused. */
    public Instant firstResponseDeadline(Severity severity, Instant openedAt) {
        return deadline(Metric.FIRST_RESPONSE, severity, openedAt).orElseThrow();
    }

    /** The metric's deadline for a ticket never paused, or empty when this version sets no target for it. */
    public Optional<Instant> deadline(Metric metric, Severity severity, Instant openedAt) {
        SeverityTerms terms = terms(severity);
        return terms.target(metric).map(target -> terms.calendar().plusBusinessTime(openedAt, target));
    }

    /** When each first-response warning threshold is reached, in threshold order. */
    public List<Warning> warnings(Severity severity, Instant openedAt) {
        SeverityTerms terms = terms(severity);
        Duration target = terms.firstResponseTarget();
        List<Warning> warnings = new ArrayList<>(warningThresholds.percents().size());
        for (int threshold : warningThresholds.percents()) {
            Duration share = target.multipliedBy(threshold).dividedBy(100);
            warnings.add(new Warning(threshold, terms.calendar().plusBusinessTime(openedAt, share)));
        }
        return warnings;
    }

    /** Whether a downgrade may carry this reason code. */
    public boolean allowsDowngradeReason(String reasonCode) {
        return downgradeReasons.contains(reasonCode);
    }

    /** A warning threshold and the instant it is reached. */
    public record Warning(int thresholdPercent, Instant dueAt) {
    }
}
