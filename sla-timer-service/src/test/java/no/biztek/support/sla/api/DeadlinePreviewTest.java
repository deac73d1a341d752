package no.biztek.support.sla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.file.PolicyFile;

/** Previews under a plan and for a metric, from the test policy with an office-hours and a 24×7 plan. */
class DeadlinePreviewTest {

    private static final PlanCatalogue PLANS = PolicyFile.catalogueFromClasspath("policy/holds-and-plans.yaml");
    /** Saturday 2026-03-07 23:00 in Oslo: outside office hours. */
    private static final Instant SATURDAY_NIGHT = Instant.parse("2026-03-07T22:00:00Z");

    private final DeadlinePreview previews = new DeadlinePreview(PLANS);

    @Test
    void aTwentyFourSevenPlanGivesASeriousTicketADeadlineAtNight() {
        PreviewResponse standard = previews.preview(Severity.SERIOUS, SATURDAY_NIGHT, null, null);
        PreviewResponse allHours = previews.preview(Severity.SERIOUS, SATURDAY_NIGHT, "around-the-clock", null);

        assertThat(allHours.plan()).isEqualTo("around-the-clock");
        assertThat(allHours.metric()).isEqualTo("first-response");
        assertThat(allHours.dueAt()).isEqualTo(SATURDAY_NIGHT.plusSeconds(allHours.targetMinutes() * 60L));
        assertThat(standard.plan()).isEqualTo("standard");
        assertThat(standard.dueAt()).as("office hours: due on a working day").isAfter(allHours.dueAt().plusSeconds(
                24 * 3600));
    }

    @Test
    void theResolutionMetricHasItsOwnTargetAndDeadline() {
        PreviewResponse firstResponse = previews.preview(Severity.SERIOUS, SATURDAY_NIGHT, null, "first-response");
        PreviewResponse resolution = previews.preview(Severity.SERIOUS, SATURDAY_NIGHT, null, "resolution");

        assertThat(resolution.metric()).isEqualTo("resolution");
        assertThat(resolution.targetMinutes()).isEqualTo(16 * 60);
        assertThat(resolution.dueAt()).isAfter(firstResponse.dueAt());
        assertThat(resolution.policyVersion()).isEqualTo(firstResponse.policyVersion());
    }

    @Test
    void anUnknownPlanOrMetricIsAClientMistakeNamingItsParameter() {
        assertThatThrownBy(() -> previews.preview(Severity.SERIOUS, SATURDAY_NIGHT, "gold", null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("plan");
        assertThatThrownBy(() -> previews.preview(Severity.SERIOUS, SATURDAY_NIGHT, null, "speed"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("metric");
    }
}
