package no.biztek.support.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import no.biztek.support.escalation.it.EscalationIntegrationTest;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.topic.Topics;

/**
 * The schedule topic's own rules against the running service's topic: configuration seeds an empty topic only, once;
 * of instances claiming one hand-over at the same time exactly one tells it.
 */
class ScheduleTopicIntegrationTest extends EscalationIntegrationTest {

    @Autowired
    ScheduleView view;

    @Autowired
    TopicFollower<OnCallScheduleEntry> scheduleFollower;

    @Autowired
    AcknowledgedPublisher publisher;

    @Autowired
    ScheduleWriter writer;

    @Test
    void ofInstancesClaimingAHandOverAtOnceExactlyOneTellsIt() {
        Instant handover = CLOCK.instant().plus(Duration.ofDays(ThreadLocalRandom.current().nextInt(1000, 100_000)));
        List<HandoverClaims> instances = List.of(new HandoverClaims(view, writer, "instance-a", CLOCK),
                new HandoverClaims(view, writer, "instance-b", CLOCK), new HandoverClaims(view, writer, "instance-c", CLOCK));

        List<CompletableFuture<Boolean>> claims = instances.stream()
                .map(i -> CompletableFuture.supplyAsync(() -> i.claim(handover, "kari@biztek.example"))).toList();

        assertThat(claims.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(true, false, false);
        int winner = claims.stream().map(CompletableFuture::join).toList().indexOf(true);
        assertThat(instances.get(winner).claim(handover, "kari@biztek.example")).as("asked again: still its own")
                .isTrue();
        assertThat(view.snapshot().handoverClaims()).containsKey("handover|" + handover);
    }

    @Test
    void aLaterStartWithAnotherConfiguredScheduleChangesNothing() {
        long rotations = readAll(Topics.ONCALL_SCHEDULE).stream().filter(r -> r.key().equals("rotation")).count();
        PagingProperties.Schedule before = view.current().orElseThrow();
        PagingProperties.Schedule other = new PagingProperties.Schedule(ZoneId.of("UTC"), DayOfWeek.TUESDAY,
                LocalTime.of(8, 0), LocalDate.of(2026, 1, 6),
                List.of(new PagingProperties.Engineer("Siri Vikar", "siri@biztek.example", null)), List.of());

        new ScheduleSeed(other, view, scheduleFollower, publisher, CLOCK).start();

        assertThat(readAll(Topics.ONCALL_SCHEDULE).stream().filter(r -> r.key().equals("rotation")).count())
                .isEqualTo(rotations).isEqualTo(1);
        assertThat(view.current()).contains(before);
        assertThat(before.rotation()).extracting(PagingProperties.Engineer::email)
                .containsExactly("kari@biztek.example", "ola@biztek.example", "nora@biztek.example");
    }
}
