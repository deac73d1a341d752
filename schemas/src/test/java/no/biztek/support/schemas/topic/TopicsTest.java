package no.biztek.support.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void catalogueHoldsTheTopicsOfTheSpecification() {
        assertThat(Topics.all()).extracting(Topic::name).containsExactly(
                "support.ticket-events.v1",
                "support.sla-events.v1",
                "support.escalation-events.v1",
                "support.billing.v1",
                "support.notification-events.v1",
                "support.customers.v1",
                "support.inbound.v1",
                "support.oncall-schedule.v1",
                "support.board-links.v1", "support.sla-reports.v1");
    }

    @Test
    void deadLetterTopicIsTheTopicNameWithDltSuffix() {
        assertThat(Topics.INBOUND.deadLetterTopicName()).isEqualTo("support.inbound.v1.DLT");
        assertThat(Topics.all()).allSatisfy(t -> assertThat(t.deadLetterTopicName()).isEqualTo(t.name() + ".DLT"));
    }

    @Test
    void onlyTheCustomerDirectoryTheOnCallScheduleTheBoardLinksAndTheReportsAreCompacted() {
        assertThat(Topics.all()).filteredOn(t -> t.cleanupPolicy() == CleanupPolicy.COMPACT)
                .containsExactly(Topics.CUSTOMERS, Topics.ONCALL_SCHEDULE, Topics.BOARD_LINKS, Topics.SLA_REPORTS);
        assertThat(CleanupPolicy.COMPACT.configValue()).isEqualTo("compact");
    }
}
