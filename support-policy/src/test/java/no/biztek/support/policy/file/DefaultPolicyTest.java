package no.biztek.support.policy.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PauseRules;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.calendar.OpeningHours;
import no.biztek.support.policy.calendar.PublicHolidays;

class DefaultPolicyTest {

    private final PolicyHistory history = PolicyFile.defaultPolicy();
    private final SlaPolicy policy = history.inForceAt(Instant.parse("2026-03-02T08:00:00Z"));

    @Test
    void theTermsAsPublishedAreInForceFrom2020() {
        assertThat(history.versions()).hasSize(1);
        assertThat(policy.id()).isEqualTo("biztek-2020-01");
        assertThat(policy.effectiveFrom()).isEqualTo(Instant.parse("2019-12-31T23:00:00Z"));
    }

    @Test
    void thePublishedTermsAreTheDefaultPlanAlone() {
        PlanCatalogue catalogue = PolicyFile.defaultCatalogue();

        assertThat(catalogue.planNames()).containsExactly(PlanCatalogue.DEFAULT_PLAN);
        assertThat(history.plan()).isEqualTo(PlanCatalogue.DEFAULT_PLAN);
        assertThat(catalogue.versionById("biztek-2020-01")).hasValueSatisfying(v ->
                assertThat(v.plan()).isEqualTo(PlanCatalogue.DEFAULT_PLAN));
    }

    @Test
    void thePublishedTermsSetNoResolutionTargetAndWaitingPausesOnlyResolution() {
        for (Severity severity : Severity.values()) {
            assertThat(policy.terms(severity).resolutionTarget()).isEmpty();
            assertThat(policy.terms(severity).calendar()).isSameAs(policy.calendar());
        }
        // a ticket may be held while waiting; that pauses nothing these terms measure
        assertThat(policy.pauseRules().reasons())
                .containsExactly(PauseRules.RESOLVED, "WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR");
        assertThat(policy.pauseRules().reasonsPausing(Metric.FIRST_RESPONSE)).containsExactly(PauseRules.RESOLVED);
    }

    @Test
    void firstResponseTargetsPerSeverity() {
        assertThat(policy.terms(Severity.CRITICAL).firstResponseTarget()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.terms(Severity.SERIOUS).firstResponseTarget()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.terms(Severity.LESS_SERIOUS).firstResponseTarget()).isEqualTo(Duration.ofHours(8));
        assertThat(policy.terms(Severity.CRITICAL).name()).isEqualTo("Critical / Major incident");
    }

    @Test
    void onlySeverityOnePagesAroundTheClock() {
        assertThat(policy.terms(Severity.CRITICAL).pagesAroundTheClock()).isTrue();
        assertThat(policy.terms(Severity.SERIOUS).pagesAroundTheClock()).isFalse();
        assertThat(policy.terms(Severity.LESS_SERIOUS).pagesAroundTheClock()).isFalse();
    }

    @Test
    void openingHoursAreWeekdaysSevenToFourInOslo() {
        assertThat(policy.calendar().zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(policy.calendar().publicHolidays()).isEqualTo(PublicHolidays.NORWAY);
        assertThat(policy.calendar().weeklyHours()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(policy.calendar().weeklyHours()).allSatisfy((day, hours) ->
                assertThat(hours).isEqualTo(new OpeningHours(LocalTime.of(7, 0), LocalTime.of(16, 0))));
    }

    @Test
    void warningsDowngradesCadenceAndVendorTerms() {
        assertThat(policy.warningThresholds().percents()).containsExactly(50, 75, 90);
        assertThat(policy.downgradeReasons())
                .containsExactlyInAnyOrder("CUSTOMER_RESOURCES_UNAVAILABLE", "CUSTOMER_ANSWERS_MISSING");
        assertThat(policy.keepInformedCadence()).isEqualTo(Duration.ofHours(4));
        assertThat(policy.vendorEscalation().included()).isFalse();
        assertThat(policy.vendorEscalation().billingIncrement()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.vendorEscalation().hourlyRateNok()).isEqualByComparingTo(new BigDecimal("1250"));
        assertThat(policy.vendorEscalation().afterHoursMultiplier()).isEqualByComparingTo(new BigDecimal("1.5"));
    }

    @Test
    void specExamplesUnderTheDefaultPolicy() {
        Instant mondayNine = Instant.parse("2026-03-02T08:00:00Z"); // 09:00 in Oslo
        Instant mondayEight = Instant.parse("2026-03-02T07:00:00Z"); // 08:00 in Oslo

        assertThat(policy.firstResponseDeadline(Severity.LESS_SERIOUS, mondayNine))
                .isEqualTo(Instant.parse("2026-03-03T07:00:00Z")); // Tuesday 08:00
        assertThat(policy.firstResponseDeadline(Severity.LESS_SERIOUS, mondayEight))
                .isEqualTo(Instant.parse("2026-03-02T15:00:00Z")); // Monday 16:00
    }

    @Test
    void warningsAreDueAtTheirShareOfTheTarget() {
        Instant mondayNine = Instant.parse("2026-03-02T08:00:00Z");

        assertThat(policy.warnings(Severity.LESS_SERIOUS, mondayNine)).containsExactly(
                new SlaPolicy.Warning(50, Instant.parse("2026-03-02T12:00:00Z")),  // 13:00, 4 h in
                new SlaPolicy.Warning(75, Instant.parse("2026-03-02T14:00:00Z")),  // 15:00, 6 h in
                new SlaPolicy.Warning(90, Instant.parse("2026-03-03T06:12:00Z"))); // Tue 07:12, 7.2 h in
    }
}
