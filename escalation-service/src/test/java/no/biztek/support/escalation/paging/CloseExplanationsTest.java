package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;

/** What a withdrawn breach's page says, by the clock's state after the correction (times in Oslo). */
class CloseExplanationsTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Tuesday 3 March 2026, 10:30 in Oslo. */
    private static final Instant NOW = Instant.parse("2026-03-03T09:30:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            MET     | 2026-03-03T08:55:00Z | -                    | breach withdrawn: first response recorded at 09:55
            MET     | 2026-03-02T15:55:00Z | -                    | breach withdrawn: first response recorded at 2.3.2026 16:55
            MET     | -                    | -                    | breach withdrawn: first response recorded
            RUNNING | -                    | 2026-03-04T07:00:00Z | breach withdrawn: the deadline moved to 4.3.2026 08:00
            STOPPED | -                    | -                    | breach withdrawn: the ticket was resolved before its deadline
            PAUSED  | -                    | -                    | breach withdrawn: the ticket was paused before its deadline
            BREACHED| -                    | -                    | breach withdrawn
            OTHER   | -                    | -                    | breach withdrawn
            """)
    void aWithdrawnBreachSaysWhy(SlaClockState state, Instant respondedAt, Instant dueAt, String expected) {
        SlaCorrected correction = SlaCorrected.newBuilder().setSupersededEventId("breach-1")
                .setKind(SlaCorrectionKind.BREACH_WITHDRAWN).setState(state).setRespondedAt(respondedAt)
                .setBusinessMinutesUsed(100).build();

        assertThat(CloseExplanations.breachWithdrawn(correction, dueAt == null ? NOW : dueAt, OSLO, NOW))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2026-03-03T09:00:00Z | 10:00
            2026-03-02T22:59:00Z | 2.3.2026 23:59
            2026-07-01T10:00:00Z | 1.7.2026 12:00
            """)
    void aTimeOfAnotherDayCarriesItsDate(Instant at, String expected) {
        assertThat(CloseExplanations.at(at, OSLO, NOW)).isEqualTo(expected);
    }
}
