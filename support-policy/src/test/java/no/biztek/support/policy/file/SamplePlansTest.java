package no.biztek.support.policy.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PauseRules;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;

/** The sample plans of docs/sla-plans.md: plans, resolution targets, pause reasons and plan lookup. */
class SamplePlansTest {

    private static final Instant SATURDAY_LATE = Instant.parse("2026-03-07T22:00:00Z"); // 23:00 in Oslo
    private static final Instant MONDAY_NINE = Instant.parse("2026-03-02T08:00:00Z"); // 09:00 in Oslo

    private final PlanCatalogue plans = PolicyFile.catalogueFromClasspath("policy/sample-plans.yaml");
    private final SlaPolicy standard = plans.inForceAt("standard", SATURDAY_LATE);
    private final SlaPolicy aroundTheClock = plans.inForceAt("around-the-clock", SATURDAY_LATE);

    @Test
    void plansByNameWithTheirVersions() {
        assertThat(plans.planNames()).containsExactly("standard", "around-the-clock");
        assertThat(plans.defaultPlan().plan()).isEqualTo(PlanCatalogue.DEFAULT_PLAN);
        assertThat(plans.defaultPlan().versions()).extracting(SlaPolicy::id).containsExactly("standard-2020-01");
        assertThat(plans.plan("around-the-clock").orElseThrow().versions()).extracting(SlaPolicy::id)
                .containsExactly("around-the-clock-2025-01", "around-the-clock-2026-07");
        assertThat(plans.plan("gold")).isEmpty();
    }

    @Test
    void aPlanVersionIsLookedUpByPlanNameAndInstant() {
        assertThat(plans.inForceAt("around-the-clock", Instant.parse("2026-06-30T21:59:59Z")).id())
                .isEqualTo("around-the-clock-2025-01");
        assertThat(plans.inForceAt("around-the-clock", Instant.parse("2026-06-30T22:00:00Z")).id())
                .isEqualTo("around-the-clock-2026-07");
        assertThat(plans.inForceAt("standard", Instant.parse("2024-12-31T22:59:59Z")).id())
                .isEqualTo("standard-2020-01");
        assertThatThrownBy(() -> plans.inForceAt("around-the-clock", Instant.parse("2024-12-31T22:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no policy version is in force at 2024-12-31T22:59:59Z");
        assertThatThrownBy(() -> plans.inForceAt("gold", SATURDAY_LATE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no plan 'gold'; plans are [standard, around-the-clock]");
    }

    @Test
    void aVersionIdNamesItsPlan() {
        assertThat(plans.versionById("around-the-clock-2026-07")).hasValueSatisfying(v -> {
            assertThat(v.plan()).isEqualTo("around-the-clock");
            assertThat(v.effectiveFrom()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        });
        assertThat(plans.versionById("standard-2020-01")).hasValueSatisfying(v ->
                assertThat(v.plan()).isEqualTo("standard"));
        assertThat(plans.versionById("biztek-2020-01")).isEmpty();
    }

    @Test
    void aHistoryHoldsOnePlanAndACatalogueEachPlanOnce() {
        assertThatThrownBy(() -> new PolicyHistory(List.of(standard, aroundTheClock)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("policy versions 'standard-2020-01' and 'around-the-clock-2025-01' belong to different"
                        + " plans, 'standard' and 'around-the-clock'");
        assertThatThrownBy(() -> new PlanCatalogue(List.of(plans.defaultPlan(), plans.defaultPlan())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan 'standard' is given twice");
    }

    @Test
    void onlyThePlanSetsResolutionTargets() {
        assertThat(standard.terms(Severity.CRITICAL).resolutionTarget()).isEmpty();
        assertThat(standard.deadline(Metric.RESOLUTION, Severity.CRITICAL, SATURDAY_LATE)).isEmpty();

        assertThat(aroundTheClock.terms(Severity.CRITICAL).resolutionTarget()).hasValue(Duration.ofHours(8));
        assertThat(aroundTheClock.terms(Severity.SERIOUS).target(Metric.RESOLUTION)).hasValue(Duration.ofHours(24));
        assertThat(aroundTheClock.terms(Severity.LESS_SERIOUS).resolutionTarget()).hasValue(Duration.ofHours(45));
    }

    @Test
    void severitiesOneAndTwoCountEveryHourOnThePlan() {
        assertThat(aroundTheClock.firstResponseDeadline(Severity.SERIOUS, SATURDAY_LATE))
                .isEqualTo(Instant.parse("2026-03-08T00:00:00Z")); // Sunday 01:00
        assertThat(aroundTheClock.deadline(Metric.RESOLUTION, Severity.CRITICAL, SATURDAY_LATE))
                .hasValue(Instant.parse("2026-03-08T06:00:00Z")); // Sunday 07:00
        assertThat(aroundTheClock.deadline(Metric.RESOLUTION, Severity.SERIOUS, SATURDAY_LATE))
                .hasValue(Instant.parse("2026-03-08T22:00:00Z")); // Sunday 23:00

        assertThat(standard.firstResponseDeadline(Severity.SERIOUS, SATURDAY_LATE))
                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z")); // Monday 11:00
    }

    @Test
    void severityThreeKeepsOfficeHoursOnThePlan() {
        assertThat(aroundTheClock.firstResponseDeadline(Severity.LESS_SERIOUS, SATURDAY_LATE))
                .isEqualTo(Instant.parse("2026-03-09T14:00:00Z")); // Monday 15:00
        assertThat(aroundTheClock.deadline(Metric.RESOLUTION, Severity.LESS_SERIOUS, MONDAY_NINE))
                .hasValue(Instant.parse("2026-03-09T08:00:00Z")); // five business days later, Monday 09:00
        assertThat(aroundTheClock.terms(Severity.LESS_SERIOUS).calendar()).isSameAs(aroundTheClock.calendar());
    }

    @Test
    void waitingPausesResolutionButNotFirstResponse() {
        PauseRules pauses = aroundTheClock.pauseRules();

        assertThat(pauses.reasons()).containsExactly("RESOLVED", "WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR");
        assertThat(pauses.pauses("RESOLVED", Metric.FIRST_RESPONSE)).isTrue();
        assertThat(pauses.pauses("RESOLVED", Metric.RESOLUTION)).isTrue();
        assertThat(pauses.pauses("WAITING_ON_CUSTOMER", Metric.RESOLUTION)).isTrue();
        assertThat(pauses.pauses("WAITING_ON_CUSTOMER", Metric.FIRST_RESPONSE)).isFalse();
        assertThat(pauses.reasonsPausing(Metric.FIRST_RESPONSE)).containsExactly("RESOLVED");
        assertThat(pauses.reasonsPausing(Metric.RESOLUTION))
                .containsExactly("RESOLVED", "WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR");
    }

    @Test
    void aPlanWithoutPauseReasonsPausesOnlyWhenResolved() {
        assertThat(standard.pauseRules()).isEqualTo(PauseRules.DEFAULT);
        assertThat(standard.pauseRules().knows("WAITING_ON_CUSTOMER")).isFalse();
        assertThat(standard.pauseRules().pauses("WAITING_ON_CUSTOMER", Metric.RESOLUTION)).isFalse();
    }

    @Test
    void warningsAndCadenceChangeWithTheVersion() {
        SlaPolicy july = plans.inForceAt("around-the-clock", Instant.parse("2026-07-01T10:00:00Z"));

        assertThat(aroundTheClock.warningThresholds().percents()).containsExactly(50, 75, 90);
        assertThat(aroundTheClock.keepInformedCadence()).isEqualTo(Duration.ofHours(2));
        assertThat(july.warningThresholds().percents()).containsExactly(25, 50, 75, 90);
        assertThat(july.keepInformedCadence()).isEqualTo(Duration.ofHours(1));
        assertThat(july.terms(Severity.CRITICAL).firstResponseTarget()).isEqualTo(Duration.ofMinutes(30));
        assertThat(july.allowsDowngradeReason("CUSTOMER_ANSWERS_MISSING")).isTrue();
    }
}
