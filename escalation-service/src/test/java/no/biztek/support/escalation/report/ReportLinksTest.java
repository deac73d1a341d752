package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.api.SignedTokens;

class ReportLinksTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-05T10:00:00Z"), ZoneOffset.UTC);
    private final SignedTokens ack = new SignedTokens("", "a-signing-key-of-some-length-0123456789", null, null, clock);
    private final ReportLinks links = new ReportLinks(ack.forPurpose(ReportLinks.PURPOSE));

    @Test
    void aLinkCarriesCustomerMonthAndExpiry() {
        Instant expires = Instant.parse("2026-12-05T10:00:00Z");
        String token = links.issue("kunde-1", YearMonth.of(2026, 10), expires);

        assertThat(links.verify(token)).hasValue(new ReportLinks.Claims("kunde-1", YearMonth.of(2026, 10), expires));
    }

    @Test
    void aTokenOfAnotherPurposeOrAlteredIsRefused() {
        String ackToken = ack.issue("kunde-1", "2026-10", "1796464800");
        assertThat(links.verify(ackToken)).as("an acknowledgement link's token").isEmpty();
        String token = links.issue("kunde-1", YearMonth.of(2026, 10), Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(links.verify("x" + token)).isEmpty();
        assertThat(links.verify("garbage")).isEmpty();
    }
}
