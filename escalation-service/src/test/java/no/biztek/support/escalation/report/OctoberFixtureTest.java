package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The report of the hand-computed fixture month; every expected number is derived in {@code report/october-2026.md}. */
class OctoberFixtureTest {

    private final ReportLedger ledger = new ReportLedger(ReportFixtures.MONTHS, OctoberFixture.december());
    private final SlaReport report;

    OctoberFixtureTest() {
        ReportEvents.feed(ledger, OctoberFixture.events());
        report = MonthlyReport.of(new MonthlyReport.Input(OctoberFixture.CUSTOMER, "Fjord Logistikk AS",
                ReportFixtures.OCTOBER, ReportEvents.OSLO, "final", ReportFixtures.CLOSE, ReportFixtures.CLOSE,
                ReportFixtures.CLOSE, ledger.records(OctoberFixture.CUSTOMER, ReportFixtures.OCTOBER),
                OctoberFixture.billing(OctoberFixture.december()).basis(OctoberFixture.CUSTOMER, ReportFixtures.OCTOBER)),
                ReportFixtures.PLANS);
    }

    @Test
    void theMonthHasTheTicketsOpenedInItInOslo() {
        assertThat(report.summary().tickets()).isEqualTo(34);
        assertThat(report.tickets()).extracting(SlaReport.TicketRow::ticketId).contains("MB1")
                .doesNotContain("MB2", "PR");
        assertThat(report.summary().bySeverity()).extracting(SlaReport.Count::code, SlaReport.Count::tickets)
                .containsExactly(tuple("CRITICAL", 3), tuple("SERIOUS", 10), tuple("LESS_SERIOUS", 21));
        assertThat(report.summary().byChannel()).extracting(SlaReport.Count::code, SlaReport.Count::tickets)
                .containsExactly(tuple("API", 3), tuple("EMAIL", 10), tuple("PHONE", 7), tuple("PORTAL", 14));
    }

    @Test
    void firstResponseShareMedianAndP90() {
        assertThat(report.metrics()).containsExactly(
                new SlaReport.MetricSummary("first-response", 34, 29, 4, 1, 0, 0.8788, 150.0, 435L));
    }

    @Test
    void everyBreachWithItsBusinessTimeAndSeverityHistory() {
        assertThat(report.breaches()).extracting(SlaReport.Breach::ticketId, SlaReport.Breach::severity,
                SlaReport.Breach::businessMinutesUsed).containsExactly(
                tuple("B1", "LESS_SERIOUS", 570L), tuple("B2", "SERIOUS", 1980L), tuple("B3", "LESS_SERIOUS", 540L),
                tuple("C2", "SERIOUS", 300L));
        assertThat(report.breaches().get(0).severityHistory()).extracting(SlaReport.SeverityStep::severity,
                SlaReport.SeverityStep::reasonCode).containsExactly(tuple("SERIOUS", null),
                tuple("LESS_SERIOUS", "CUSTOMER_RESOURCES_UNAVAILABLE"));
    }

    @Test
    void pausedTimeByReasonAcrossTheDstSwitch() {
        assertThat(report.pausedByReason()).containsExactly(new SlaReport.PausedTime("WAITING_ON_CUSTOMER", 2, 660),
                new SlaReport.PausedTime("WAITING_ON_VENDOR", 1, 180));
    }

    @Test
    void correctionsPagesVendorEscalationsAndBilling() {
        assertThat(report.corrections()).extracting(SlaReport.Correction::ticketId, SlaReport.Correction::kind)
                .containsExactly(tuple("C1", "BREACH_WITHDRAWN"), tuple("C2", "MET_WITHDRAWN"),
                        tuple("C3", "VERDICT_REVISED"));
        assertThat(report.tickets()).filteredOn(r -> r.ticketId().equals("C3"))
                .extracting(SlaReport.TicketRow::verdict, SlaReport.TicketRow::businessMinutesUsed)
                .containsExactly(tuple("MET", 150L));
        assertThat(report.tickets()).filteredOn(r -> r.ticketId().equals("O1"))
                .extracting(SlaReport.TicketRow::verdict).containsExactly("OPEN");
        assertThat(report.pages()).extracting(SlaReport.Page::ticketId, SlaReport.Page::minutesToAcknowledge)
                .containsExactly(tuple("P1", 8L), tuple("P2", 25L), tuple("P3", 3L));
        assertThat(report.vendorEscalations()).extracting(SlaReport.VendorEscalation::vendor,
                SlaReport.VendorEscalation::caseReference).containsExactly(tuple("MICROSOFT", "2610200010000077"));
        assertThat(report.billing().entries()).isEqualTo(2);
        assertThat(report.billing().billedMinutes()).isEqualTo(180);
        assertThat(report.billing().amountNok()).isEqualByComparingTo(new BigDecimal("3750.00"));
    }
}
