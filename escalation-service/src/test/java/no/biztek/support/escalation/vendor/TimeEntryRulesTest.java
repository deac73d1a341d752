package no.biztek.support.escalation.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.testing.MutableClock;

/** When a time entry may be recorded: open, within the grace period after the close, not too old. */
class TimeEntryRulesTest {

    private static final Instant CLOSED = Instant.parse("2026-03-03T10:00:00Z");
    private static final Duration GRACE = Duration.ofDays(7);

    private final MutableClock clock = new MutableClock(CLOSED);

    @Test
    void anOpenEscalationTakesEntries() {
        assertThat(TimeEntryRules.afterClose(null, clock.instant(), GRACE)).isEmpty();
    }

    @Test
    void aClosedEscalationTakesEntriesUntilTheGracePeriodEndsAndNotAfter() {
        assertThat(TimeEntryRules.afterClose(CLOSED, clock.instant(), GRACE)).as("at the close").isEmpty();
        clock.set(CLOSED.plus(GRACE).minusMillis(1));
        assertThat(TimeEntryRules.afterClose(CLOSED, clock.instant(), GRACE)).as("just before it ends").isEmpty();
        clock.set(CLOSED.plus(GRACE));
        assertThat(TimeEntryRules.afterClose(CLOSED, clock.instant(), GRACE)).as("as it ends").isEmpty();
        clock.set(CLOSED.plus(GRACE).plusMillis(1));
        assertThat(TimeEntryRules.afterClose(CLOSED, clock.instant(), GRACE)).as("just after it ended")
                .hasValue("time entries were accepted until 2026-03-10T10:00:00Z (7 days after the close), not after");
    }

    @Test
    void noGracePeriodRefusesEveryEntryAfterTheClose() {
        clock.set(CLOSED.plusMillis(1));
        assertThat(TimeEntryRules.afterClose(CLOSED, clock.instant(), Duration.ZERO)).isPresent();
    }

    @Test
    void anEntryMayStartAtMostTheMaximumAgeAgo() {
        Duration maxAge = Duration.ofDays(60);
        Instant now = clock.instant();
        assertThat(TimeEntryRules.tooOld(now.minus(maxAge), now, maxAge)).isEmpty();
        assertThat(TimeEntryRules.tooOld(now.minus(maxAge).minusMillis(1), now, maxAge))
                .hasValue("must not be earlier than 2026-01-02T10:00:00Z (time is recorded within 60 days)");
    }

    @Test
    void durationsInWords() {
        assertThat(TimeEntryRules.words(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(TimeEntryRules.words(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(TimeEntryRules.words(Duration.ofHours(36))).isEqualTo("36 hours");
        assertThat(TimeEntryRules.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(TimeEntryRules.words(Duration.ofSeconds(5))).isEqualTo("PT5S");
    }
}
