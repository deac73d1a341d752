package no.biztek.support.escalation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import no.biztek.support.testing.MutableClock;
import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.billing.TermsSource;
import no.biztek.support.schemas.common.Vendor;

/** The invoice basis files entries under Europe/Oslo months and keeps a bounded window of months. */
class InvoiceLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-15T10:00:00Z"));
    private final InvoiceLedger ledger = new InvoiceLedger(PolicyFile.defaultPolicy(), clock,
            new ViewsProperties(Duration.ofDays(30), 24));

    private static BillingEvent billed(String entryId, Instant startedAt) {
        BillableTimeRecorded line = BillableTimeRecorded.newBuilder().setEscalationId("esc-1").setEntryId(entryId)
                .setVendor(Vendor.MICROSOFT).setConsultant("Kari").setStartedAt(startedAt)
                .setEndedAt(startedAt.plus(Duration.ofMinutes(20))).setWorkedMinutes(20).setBilledMinutes(60)
                .setAfterHoursMinutes(60).setAmountNok(new BigDecimal("1875.00"))
                .setTerms(TestEvents.contract(false, 60, "1250.00", "1.50")).setTermsSource(TermsSource.POLICY_DEFAULT)
                .setPolicyVersion("biztek-2020-01").build();
        return BillingEvent.newBuilder().setEventId("billed-" + entryId).setTicketId("ticket-1").setCustomerId("kunde")
                .setOccurredAt(startedAt).setProducer("escalation-service").setPayload(line).build();
    }

    @Test
    void anEntryBelongsToTheOsloMonthItStartedIn() {
        // 22:30 UTC on 31 March is 00:30 on 1 April in Oslo (summer time, UTC+2); 21:30 UTC is 23:30 on 31 March
        ledger.fold("kunde", billed("april", Instant.parse("2026-03-31T22:30:00Z")));
        ledger.fold("kunde", billed("march", Instant.parse("2026-03-31T21:30:00Z")));

        assertThat(ledger.basis("kunde", YearMonth.of(2026, 4)).lines())
                .extracting(InvoiceLedger.Line::entryId).containsExactly("april");
        assertThat(ledger.basis("kunde", YearMonth.of(2026, 3)).lines())
                .extracting(InvoiceLedger.Line::entryId).containsExactly("march");
    }

    @Test
    void theCurrentMonthAndTheConfiguredMonthsBeforeItAreKept() {
        assertThat(ledger.earliestMonth()).isEqualTo(YearMonth.of(2024, 4));
        assertThat(ledger.keeps(YearMonth.of(2024, 4))).isTrue();
        assertThat(ledger.keeps(YearMonth.of(2024, 3))).isFalse();

        ledger.fold("kunde", billed("too-old", Instant.parse("2024-03-10T10:00:00Z")));
        ledger.fold("kunde", billed("oldest-kept", Instant.parse("2024-04-10T10:00:00Z")));
        assertThat(ledger.basis("kunde", YearMonth.of(2024, 3)).lines()).as("not kept when read").isEmpty();
        assertThat(ledger.basis("kunde", YearMonth.of(2024, 4)).lines()).hasSize(1);

        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        assertThat(ledger.keeps(YearMonth.of(2024, 4))).as("the window moved on").isFalse();
        assertThat(ledger.basis("kunde", YearMonth.of(2024, 4)).lines()).as("dropped as it moved").isEmpty();
    }

    @Test
    void theWindowMovesOnAtMidnightInOslo() {
        // 1 May 2026 00:30 in Oslo is 30 April 22:30 UTC
        clock.set(Instant.parse("2026-04-30T22:30:00Z"));
        assertThat(ledger.earliestMonth()).isEqualTo(YearMonth.of(2024, 5));
    }
}
