package no.biztek.support.escalation.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import no.biztek.support.escalation.it.EscalationIntegrationTest;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.topic.Topics;

/** The seed rule against the running service's topic: configuration seeds an empty topic only, once. */
class ScheduleSeedIntegrationTest extends EscalationIntegrationTest {

    @Autowired
    ScheduleView view;

    @Autowired
    TopicFollower<OnCallScheduleEntry> scheduleFollower;

    @Autowired
    AcknowledgedPublisher publisher;

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
