package no.biztek.support.escalation.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.Vendor;

/**
 * A small October 2026 of customer "kunde-1" (default policy biztek-2020-01: Mon–Fri 07:00–16:00 Oslo, holds for
 * WAITING_ON_CUSTOMER pause only resolution, which it does not measure), with the numbers computed by hand:
 * <ul>
 * <li>A: opened Fri 23 Oct 15:00 as severity 1 by phone, downgraded to 2 at 15:10 (CUSTOMER_RESOURCES_UNAVAILABLE),
 * held waiting on the customer 15:30 to Mon 26 Oct 08:00 (across the DST switch of Sunday 25 Oct), breached at
 * Mon 10:00, answered Mon 11:00: first response used Fri 15:00–16:00 (60) + Mon 07:00–11:00 (240) = 300 business
 * minutes; held Fri 15:30–16:00 (30) + Mon 07:00–08:00 (60) = 90 business minutes;</li>
 * <li>B: opened Sat 31 Oct 23:50 Oslo (22:50 UTC) by e-mail, severity 2: October's; met with 120;</li>
 * <li>C: opened Sun 1 Nov 00:10 Oslo: November's, not in October;</li>
 * <li>D: severity 1 by portal Mon 5 Oct 09:00, paged 09:01, acknowledged 09:13 (12 min), met with 45, vendor
 * escalation to Microsoft (case 2610050010000001);</li>
 * <li>E: severity 2 by portal Tue 6 Oct 09:00, breached at 13:00; a late response withdrew the breach on Thu 8 Oct
 * 10:00 and the timer met it with 200.</li>
 * </ul>
 * First response: verdicts 45, 120, 200, 300 → 3 of 4 met (0.75), median (120 + 200) / 2 = 160, p90 the ⌈3.6⌉ = 4th
 * = 300. Severities at opening: 1 ×2 (A, D), 2 ×2 (B, E); channels e-mail 1, phone 1, portal 2.
 */
final class ReportFixtures {

    static final String CUSTOMER = "kunde-1";
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final PlanCatalogue PLANS = PolicyFile.defaultCatalogue();
    static final MonthClose MONTHS = new MonthClose(ReportEvents.OSLO, Duration.ofDays(3), Duration.ofDays(90));
    static final Instant CLOSE = MONTHS.closeOf(OCTOBER);

    private ReportFixtures() {
    }

    static ReportEvents a() {
        return ReportEvents.opened("A", CUSTOMER, Severity.CRITICAL, Channel.PHONE, "2026-10-23T15:00")
                .changed(Severity.SERIOUS, "CUSTOMER_RESOURCES_UNAVAILABLE", "2026-10-23T15:10")
                .held("WAITING_ON_CUSTOMER", "2026-10-23T15:30").resumed("2026-10-26T08:00")
                .breached("first-response", "2026-10-26T10:00").responded("2026-10-26T11:00");
    }

    static List<Object> october() {
        List<Object> events = new ArrayList<>(a().events());
        events.addAll(ReportEvents.opened("B", CUSTOMER, Severity.SERIOUS, Channel.EMAIL, "2026-10-31T23:50")
                .met("first-response", 120, "2026-11-02T08:50").events());
        events.addAll(ReportEvents.opened("C", CUSTOMER, Severity.SERIOUS, Channel.EMAIL, "2026-11-01T00:10")
                .met("first-response", 30, "2026-11-02T07:30").events());
        events.addAll(ReportEvents.opened("D", CUSTOMER, Severity.CRITICAL, Channel.PORTAL, "2026-10-05T09:00")
                .paged("p-d", "2026-10-05T09:01").acknowledged("p-d", "2026-10-05T09:13")
                .met("first-response", 45, "2026-10-05T09:45")
                .vendor("v-d", Vendor.MICROSOFT, "2610050010000001", "2026-10-05T10:00").events());
        events.addAll(ReportEvents.opened("E", CUSTOMER, Severity.SERIOUS, Channel.PORTAL, "2026-10-06T09:00")
                .breached("first-response", "2026-10-06T13:00").breachWithdrawn("first-response", "2026-10-08T10:00")
                .met("first-response", 200, "2026-10-06T12:20").events());
        return events;
    }

    static ReportLedger ledger(List<Object> events) {
        ReportLedger ledger = new ReportLedger(MONTHS, Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"),
                ZoneOffset.UTC));
        ReportEvents.feed(ledger, events);
        return ledger;
    }

    /** October as its snapshot would be (facts up to the close). */
    static SlaReport report(ReportLedger ledger) {
        return MonthlyReport.of(new MonthlyReport.Input(CUSTOMER, "Kunde AS", OCTOBER, ReportEvents.OSLO, "final",
                CLOSE, CLOSE, CLOSE, ledger.records(CUSTOMER, OCTOBER), null), PLANS);
    }
}
