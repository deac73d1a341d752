package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MonthlyReportTest {

    private final SlaReport october = ReportFixtures.report(ReportFixtures.ledger(ReportFixtures.october()));

    @Test
    void medianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
        assertThat(MonthlyReport.median(List.of(1L, 2L, 10L))).isEqualTo(2.0);
        assertThat(MonthlyReport.median(List.of(1L, 2L, 10L, 11L))).isEqualTo(6.0);
        assertThat(MonthlyReport.median(List.of())).isNull();
    }

    @Test
    void p90IsTheNearestRank() {
        assertThat(MonthlyReport.p90(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L))).isEqualTo(9L);
        assertThat(MonthlyReport.p90(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L))).isEqualTo(10L);
        assertThat(MonthlyReport.p90(List.of(7L))).isEqualTo(7L);
        assertThat(MonthlyReport.p90(List.of())).isNull();
    }

    @Test
    void theShareMetWithoutVerdictsIsNone() {
        assertThat(MonthlyReport.share(0, 0)).isNull();
        assertThat(MonthlyReport.share(2, 1)).isEqualTo(0.6667);
    }

    @Test
    void theMonthCountsTheTicketsOpenedInItInOsloIncludingOneOpenedAtTenToMidnightOnItsLastDay() {
        assertThat(october.summary().tickets()).isEqualTo(4);
        assertThat(october.tickets()).extracting(SlaReport.TicketRow::ticketId).containsExactly("A", "B", "D", "E");
        assertThat(october.summary().bySeverity()).containsExactly(
                new SlaReport.Count("CRITICAL", "Severity 1 – Critical / Major incident", 2),
                new SlaReport.Count("SERIOUS", "Severity 2 – Serious", 2));
        assertThat(october.summary().byChannel()).extracting(SlaReport.Count::code, SlaReport.Count::tickets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EMAIL", 1),
                        org.assertj.core.groups.Tuple.tuple("PHONE", 1), org.assertj.core.groups.Tuple.tuple("PORTAL", 2));
    }

    @Test
    void firstResponseSharesMedianAndP90AreComputedFromTheVerdicts() {
        SlaReport.MetricSummary firstResponse = october.metrics().get(0);
        assertThat(firstResponse).isEqualTo(new SlaReport.MetricSummary("first-response", 4, 3, 1, 0, 0, 0.75, 160.0,
                300L));
    }

    @Test
    void aBreachAcrossTheDstSwitchShowsItsBusinessTimeDowngradeHistoryAndHolds() {
        assertThat(october.breaches()).hasSize(1);
        SlaReport.Breach breach = october.breaches().get(0);
        assertThat(breach.ticketId()).isEqualTo("A");
        assertThat(breach.severityLabel()).isEqualTo("Severity 2 – Serious");
        assertThat(breach.businessMinutesUsed()).isEqualTo(300L);
        assertThat(breach.severityHistory()).extracting(SlaReport.SeverityStep::severity,
                SlaReport.SeverityStep::reasonCode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CRITICAL", null),
                org.assertj.core.groups.Tuple.tuple("SERIOUS", "CUSTOMER_RESOURCES_UNAVAILABLE"));
        assertThat(breach.holds()).extracting(SlaReport.Hold::reason, SlaReport.Hold::businessMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WAITING_ON_CUSTOMER", 90L));
        assertThat(october.pausedByReason()).containsExactly(new SlaReport.PausedTime("WAITING_ON_CUSTOMER", 1, 90));
    }

    @Test
    void aWithdrawnBreachIsMetAndListedAsACorrection() {
        assertThat(october.tickets()).filteredOn(r -> r.ticketId().equals("E")).singleElement()
                .satisfies(r -> {
                    assertThat(r.verdict()).isEqualTo("MET");
                    assertThat(r.businessMinutesUsed()).isEqualTo(200L);
                });
        assertThat(october.corrections()).extracting(SlaReport.Correction::ticketId, SlaReport.Correction::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("E", "BREACH_WITHDRAWN"));
    }

    @Test
    void pagesShowTheirTimeToAcknowledgeAndVendorEscalationsTheirCase() {
        assertThat(october.pages()).extracting(SlaReport.Page::ticketId, SlaReport.Page::minutesToAcknowledge)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("D", 12L));
        assertThat(october.vendorEscalations()).extracting(SlaReport.VendorEscalation::vendor,
                SlaReport.VendorEscalation::caseReference).containsExactly(
                org.assertj.core.groups.Tuple.tuple("MICROSOFT", "2610050010000001"));
    }

    @Test
    void aBreachWithoutAResponseByTheCloseIsMeasuredUpToTheClose() {
        List<Object> events = ReportEvents.opened("F", ReportFixtures.CUSTOMER,
                no.biztek.support.schemas.common.Severity.SERIOUS, no.biztek.support.schemas.common.Channel.PORTAL,
                "2026-10-30T15:00").breached("first-response", "2026-11-02T10:00").events();
        SlaReport report = ReportFixtures.report(ReportFixtures.ledger(events));

        // Fri 30 Oct 15:00–16:00 (60) + Mon 2 Nov and Tue 3 Nov 07:00–16:00 (2 × 540); the close is Wed 4 Nov 00:00
        assertThat(report.breaches().get(0).businessMinutesUsed()).isEqualTo(60 + 2 * 540L);
    }

    @Test
    void durationsReadAsHoursAndMinutes() {
        assertThat(ReportPage.duration(200)).isEqualTo("3 h 20 min");
        assertThat(ReportPage.duration(45)).isEqualTo("45 min");
        assertThat(ReportPage.duration(120)).isEqualTo("2 h");
    }
}
