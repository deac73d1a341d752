package no.biztek.support.sla.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.sla.clock.Announcement;
import no.biztek.support.sla.clock.ClockState;
import no.biztek.support.sla.clock.Fact;
import no.biztek.support.sla.clock.MetricClock;
import no.biztek.support.sla.clock.SlaClock;
import no.biztek.support.sla.clock.TicketFacts;

/** The SLA status answers every metric, keeping the first response at the top level. */
class SlaStatusMapperTest {

    /** Monday 2 March 2026 09:00 in Oslo. */
    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-02T14:00:00Z");

    private static SlaClock clock(String policyVersion, boolean resolution, Fact... lifecycle) {
        Fact opened = new Fact(Fact.Kind.OPENED, "e-0", OPENED, 0, Severity.SERIOUS, null);
        Announcement running = new Announcement(ClockState.RUNNING, Severity.SERIOUS, OPENED, null, null, 0, List.of());
        return new SlaClock("t-1", "c-1", policyVersion, new TicketFacts(opened, List.of(lifecycle)), running, null,
                resolution ? new MetricClock(running, null) : null);
    }

    @Test
    void underTermsWithResolutionTargetsEveryMetricIsAnswered() {
        PolicyHistory policies = PolicyFile.fromClasspath("policy/resolution-targets.yaml");
        SlaStatusMapper mapper = new SlaStatusMapper(policies, Clock.fixed(NOW, ZoneOffset.UTC));
        Fact responded = new Fact(Fact.Kind.RESPONDED, "e-1", Instant.parse("2026-03-02T09:00:00Z"), 1, null, "per");

        SlaStatusResponse status = mapper.toResponse(clock("resolution-2020-01", true, responded));

        assertThat(status.state()).isEqualTo("MET");
        assertThat(status.dueAt()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        assertThat(status.metrics()).containsExactly(
                new MetricStatus("first-response", "MET", null, Instant.parse("2026-03-02T12:00:00Z"), 60, "standard",
                        "resolution-2020-01"),
                new MetricStatus("resolution", "RUNNING", null, Instant.parse("2026-03-03T15:00:00Z"), 360, "standard",
                        "resolution-2020-01"));
    }

    @Test
    void aResolvedTicketsFirstResponseIsStoppedAndItsResolutionMet() {
        PolicyHistory policies = PolicyFile.fromClasspath("policy/resolution-targets.yaml");
        SlaStatusMapper mapper = new SlaStatusMapper(policies, Clock.fixed(NOW, ZoneOffset.UTC));
        Fact resolved = new Fact(Fact.Kind.RESOLVED, "e-1", Instant.parse("2026-03-02T10:00:00Z"), 1, null, null);

        SlaStatusResponse status = mapper.toResponse(clock("resolution-2020-01", true, resolved));

        assertThat(status.state()).isEqualTo("STOPPED");
        assertThat(status.metrics()).extracting(MetricStatus::metric, MetricStatus::state, MetricStatus::pauseReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first-response", "STOPPED", "RESOLVED"),
                        org.assertj.core.groups.Tuple.tuple("resolution", "MET", "RESOLVED"));
    }

    @Test
    void underThePublishedTermsOnlyTheFirstResponseIsAnswered() {
        SlaStatusMapper mapper = new SlaStatusMapper(PolicyFile.defaultPolicy(), Clock.fixed(NOW, ZoneOffset.UTC));

        SlaStatusResponse status = mapper.toResponse(clock("biztek-2020-01", false));

        // severity 2, due Monday 13:00: by 15:00 it is breached
        assertThat(status.state()).isEqualTo("BREACHED");
        assertThat(status.metrics()).singleElement().satisfies(metric -> {
            assertThat(metric.metric()).isEqualTo("first-response");
            assertThat(metric.state()).isEqualTo("BREACHED");
            assertThat(metric.dueAt()).isEqualTo(status.dueAt());
            assertThat(metric.businessMinutesUsed()).isEqualTo(status.businessMinutesElapsed());
            assertThat(metric.plan()).isEqualTo("standard");
        });
    }
}
