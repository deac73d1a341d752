package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.testing.MutableClock;

class ReportLedgerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final ReportLedger ledger = new ReportLedger(ReportFixtures.MONTHS, clock);

    @Test
    void aMonthsFactsAreDroppedTheAddendumWindowAfterItsClose() {
        ReportEvents.feed(ledger, OctoberFixture.events());
        assertThat(ledger.records(OctoberFixture.CUSTOMER, ReportFixtures.OCTOBER)).hasSize(34);
        Instant dropped = ReportFixtures.CLOSE.plus(Duration.ofDays(90));

        clock.set(dropped.minusSeconds(1));
        assertThat(ledger.records(OctoberFixture.CUSTOMER, ReportFixtures.OCTOBER)).hasSize(34);
        clock.set(dropped);
        assertThat(ledger.records(OctoberFixture.CUSTOMER, ReportFixtures.OCTOBER)).isEmpty();
        assertThat(ledger.earliestKept()).isEqualTo(YearMonth.of(2026, 11));

        ReportEvents.feed(ledger, ReportEvents.opened("late", OctoberFixture.CUSTOMER, Severity.SERIOUS, Channel.EMAIL,
                "2026-10-20T10:00").met("first-response", 30, "2026-10-20T10:30").events());
        assertThat(ledger.size()).as("only November's MB2: facts of a dropped month are not kept").isEqualTo(1);
        assertThat(ledger.records(OctoberFixture.CUSTOMER, YearMonth.of(2026, 11)))
                .extracting(TicketRecord::ticketId).containsExactly("MB2");
    }

    @Test
    void aFactReadBeforeItsTicketsOpeningWaitsForIt() {
        List<Object> events = ReportEvents.opened("T", "kunde-2", Severity.CRITICAL, Channel.PHONE, "2026-10-05T09:00")
                .paged("p", "2026-10-05T09:01").acknowledged("p", "2026-10-05T09:06").events();
        ReportEvents.feed(ledger, List.of(events.get(1), events.get(2)));
        assertThat(ledger.records("kunde-2", ReportFixtures.OCTOBER)).as("month unknown yet").isEmpty();

        ReportEvents.feed(ledger, List.of(events.get(0)));
        assertThat(ledger.records("kunde-2", ReportFixtures.OCTOBER)).singleElement()
                .satisfies(r -> assertThat(r.paged()).hasSize(1));
    }
}
