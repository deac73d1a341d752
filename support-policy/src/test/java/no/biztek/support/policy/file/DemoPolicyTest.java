package no.biztek.support.policy.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SlaPolicy;

/** The local run's demo policy loads, and it is not the real one. */
class DemoPolicyTest {

    private final PolicyHistory demo = PolicyFile.fromFile(Path.of("../local-run/demo-policy.yaml"));

    @Test
    void demoTargetsAreShortAndCountAroundTheClock() {
        SlaPolicy policy = demo.inForceAt(Instant.parse("2026-03-07T23:00:00Z")); // a Saturday night
        Instant saturdayNight = Instant.parse("2026-03-07T23:00:00Z");

        assertThat(policy.id()).startsWith("demo-");
        assertThat(policy.firstResponseDeadline(Severity.SERIOUS, saturdayNight))
                .isEqualTo(saturdayNight.plus(Duration.ofSeconds(90)));
    }

    @Test
    void demoMeasuresResolutionTooAndWaitingPausesIt() {
        SlaPolicy policy = demo.inForceAt(Instant.parse("2026-03-07T23:00:00Z"));

        assertThat(policy.plan()).isEqualTo(PlanCatalogue.DEFAULT_PLAN);
        assertThat(policy.terms(Severity.SERIOUS).resolutionTarget()).hasValue(Duration.ofMinutes(6));
        assertThat(policy.pauseRules().pauses("WAITING_ON_CUSTOMER", Metric.RESOLUTION)).isTrue();
        assertThat(policy.pauseRules().pauses("WAITING_ON_CUSTOMER", Metric.FIRST_RESPONSE)).isFalse();
    }

    @Test
    void theRealPolicyIsUntouched() {
        assertThat(PolicyFile.defaultPolicy().versions()).allSatisfy(v -> assertThat(v.id()).doesNotContain("demo"));
    }
}
