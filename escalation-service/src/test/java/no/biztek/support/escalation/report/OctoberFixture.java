package no.biztek.support.escalation.report;

import static no.biztek.support.escalation.report.ReportEvents.opened;
import static no.biztek.support.escalation.report.ReportEvents.oslo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.escalation.billing.InvoiceLedger;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.billing.TermsSource;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.ContractTerms;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;

/** The hand-computed fixture month: every ticket and number is described in {@code report/october-2026.md}. */
final class OctoberFixture {

    static final String CUSTOMER = "fjord-logistikk";
    private static final Severity S1 = Severity.CRITICAL;
    private static final Severity S2 = Severity.SERIOUS;
    private static final Severity S3 = Severity.LESS_SERIOUS;
    private static final Channel E = Channel.EMAIL;
    private static final Channel P = Channel.PORTAL;
    private static final Channel PH = Channel.PHONE;
    private static final Channel A = Channel.API;
    private static final String FR = "first-response";

    private OctoberFixture() {
    }

    /** A ticket met with the timer's minutes an hour after its opening. */
    private static ReportEvents met(String id, Severity severity, Channel channel, String opened, long minutes) {
        return opened(id, CUSTOMER, severity, channel, opened).met(FR, minutes,
                java.time.LocalDateTime.parse(opened).plusHours(1).toString());
    }

    static List<Object> events() {
        List<ReportEvents> tickets = new ArrayList<>();
        Severity[] sev = {S3, S3, S3, S3, S3, S2, S2, S2, S2, S2};
        Channel[] ch = {E, E, P, P, PH, PH, P, E, E, P};
        String[] at = {"2026-10-01T08:00", "2026-10-01T09:00", "2026-10-01T10:00", "2026-10-02T08:00",
            "2026-10-02T09:00", "2026-10-05T08:00", "2026-10-05T09:00", "2026-10-06T08:00", "2026-10-06T10:00",
            "2026-10-07T08:00"};
        long[] minutes = {30, 60, 90, 120, 150, 15, 45, 75, 105, 135};
        for (int i = 0; i < 10; i++) {
            tickets.add(met("M%02d".formatted(i + 1), sev[i], ch[i], at[i], minutes[i]));
        }
        Channel[] ch2 = {A, A, P, P, E, E, PH, P, P, P};
        String[] at2 = {"2026-10-07T09:00", "2026-10-08T08:00", "2026-10-08T09:00", "2026-10-09T08:00",
            "2026-10-09T09:00", "2026-10-12T08:00", "2026-10-12T09:00", "2026-10-13T08:00", "2026-10-13T09:00",
            "2026-10-14T08:00"};
        for (int i = 0; i < 10; i++) {
            tickets.add(met("M%02d".formatted(i + 11), S3, ch2[i], at2[i], 165 + 30L * i));
        }
        tickets.add(opened("P1", CUSTOMER, S1, PH, "2026-10-15T10:00").paged("p1", "2026-10-15T10:01")
                .acknowledged("p1", "2026-10-15T10:09").met(FR, 20, "2026-10-15T10:20"));
        tickets.add(opened("P2", CUSTOMER, S1, PH, "2026-10-16T22:00").paged("p2", "2026-10-16T22:00")
                .acknowledged("p2", "2026-10-16T22:25").met(FR, 50, "2026-10-19T07:50"));
        tickets.add(opened("P3", CUSTOMER, S1, P, "2026-10-20T11:00").paged("p3", "2026-10-20T11:01")
                .acknowledged("p3", "2026-10-20T11:04").met(FR, 10, "2026-10-20T11:10")
                .vendor("v3", Vendor.MICROSOFT, "2610200010000077", "2026-10-20T11:30"));
        tickets.add(opened("H1", CUSTOMER, S2, E, "2026-10-19T09:00").met(FR, 40, "2026-10-19T09:40")
                .held("WAITING_ON_CUSTOMER", "2026-10-19T10:00").resumed("2026-10-20T09:00"));
        tickets.add(opened("H2", CUSTOMER, S3, P, "2026-10-23T14:00").met(FR, 100, "2026-10-26T07:40")
                .held("WAITING_ON_VENDOR", "2026-10-23T15:00").resumed("2026-10-26T09:00"));
        tickets.add(opened("H3", CUSTOMER, S3, P, "2026-10-27T08:00").met(FR, 200, "2026-10-27T11:20")
                .held("WAITING_ON_CUSTOMER", "2026-10-27T12:00").resumed("2026-10-27T15:00"));
        tickets.add(opened("B1", CUSTOMER, S2, PH, "2026-10-23T13:00")
                .changed(S3, "CUSTOMER_RESOURCES_UNAVAILABLE", "2026-10-23T13:30")
                .breached(FR, "2026-10-26T12:00").responded("2026-10-26T13:30"));
        tickets.add(opened("B2", CUSTOMER, S2, E, "2026-10-29T10:00").breached(FR, "2026-10-29T14:00"));
        tickets.add(opened("B3", CUSTOMER, S3, A, "2026-10-21T08:00").breached(FR, "2026-10-21T16:00")
                .responded("2026-10-22T08:00"));
        tickets.add(opened("C1", CUSTOMER, S2, P, "2026-10-26T09:00").breached(FR, "2026-10-26T13:00")
                .breachWithdrawn(FR, "2026-10-27T10:00").met(FR, 230, "2026-10-26T12:50"));
        tickets.add(opened("C2", CUSTOMER, S3, E, "2026-10-27T09:00").met(FR, 300, "2026-10-27T14:00")
                .responded("2026-10-27T14:00").changed(S2, "CUSTOMER_REQUEST", "2026-10-27T09:30")
                .corrected(FR, SlaCorrectionKind.MET_WITHDRAWN, SlaClockState.BREACHED, "met-" + FR, 300,
                        "2026-10-28T09:00").breached(FR, "2026-10-27T13:00"));
        tickets.add(opened("C3", CUSTOMER, S3, PH, "2026-10-28T08:00").met(FR, 120, "2026-10-28T10:00")
                .corrected(FR, SlaCorrectionKind.VERDICT_REVISED, SlaClockState.MET, "met-" + FR, 150,
                        "2026-10-29T08:00"));
        tickets.add(opened("MB1", CUSTOMER, S2, E, "2026-10-31T23:50").met(FR, 50, "2026-11-02T07:50"));
        tickets.add(opened("O1", CUSTOMER, S3, P, "2026-10-30T15:00"));
        tickets.add(opened("MB2", CUSTOMER, S2, E, "2026-11-01T00:10").met(FR, 30, "2026-11-02T07:30"));
        tickets.add(opened("PR", CUSTOMER, S3, E, "2026-09-30T23:59").met(FR, 60, "2026-10-01T08:00"));
        List<Object> events = new ArrayList<>();
        tickets.forEach(t -> events.addAll(t.events()));
        return events;
    }

    /** The billing ledger with October's two entries and one of November. */
    static InvoiceLedger billing(Clock clock) {
        InvoiceLedger ledger = new InvoiceLedger(ReportFixtures.PLANS.defaultPlan(), clock,
                new ViewsProperties(Duration.ofDays(30), 24));
        billed(ledger, "e1", "P3", "2026-10-20T10:00", 60, "1250.00");
        billed(ledger, "e2", "P3", "2026-10-31T23:30", 120, "2500.00");
        billed(ledger, "e3", "P3", "2026-11-01T00:30", 60, "1250.00");
        return ledger;
    }

    private static void billed(InvoiceLedger ledger, String entryId, String ticketId, String startedAt, long billed,
                               String amount) {
        Instant start = oslo(startedAt);
        ledger.fold(CUSTOMER, BillingEvent.newBuilder().setEventId("b-" + entryId).setTicketId(ticketId)
                .setCustomerId(CUSTOMER).setOccurredAt(start.plusSeconds(3600)).setProducer("escalation-service")
                .setPayload(BillableTimeRecorded.newBuilder().setEscalationId("v3").setEntryId(entryId)
                        .setVendor(Vendor.MICROSOFT).setConsultant("Kari").setStartedAt(start)
                        .setEndedAt(start.plusSeconds(3600)).setWorkedMinutes(60).setBilledMinutes(billed)
                        .setAfterHoursMinutes(0).setAmountNok(new BigDecimal(amount))
                        .setTerms(ContractTerms.newBuilder().setVendorEscalationIncluded(false)
                                .setBillingIncrementMinutes(60).setHourlyRateNok(new BigDecimal("1250.00"))
                                .setAfterHoursMultiplier(new BigDecimal("1.50")).build())
                        .setTermsSource(TermsSource.POLICY_DEFAULT).setPolicyVersion("biztek-2020-01").build())
                .build());
    }

    static Clock december() {
        return Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    }
}
