package no.biztek.support.intake.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import no.biztek.support.intake.ticket.Accepted;
import no.biztek.support.testing.MutableClock;

/** The memory of Zendesk deliveries: as long as their signatures are accepted, and no more than its capacity. */
class SeenDeliveriesTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final SeenDeliveries seen = new SeenDeliveries(WINDOW, 3, clock);

    private static Accepted answer(String n) {
        return new Accepted("ticket-" + n, "event-" + n, Accepted.Outcome.PUBLISHED);
    }

    @Test
    void aDeliveryIsRememberedUntilItsSignatureIsTooOldToBeAccepted() {
        seen.remember("sig-a", NOW.minusSeconds(30), answer("a"));

        assertThat(seen.answered("sig-a")).contains(answer("a"));
        assertThat(seen.answered("sig-b")).isEmpty();
        clock.set(NOW.minusSeconds(30).plus(WINDOW));
        assertThat(seen.answered("sig-a")).as("the last instant its signature passes").contains(answer("a"));
        clock.advance(Duration.ofMillis(1));
        assertThat(seen.answered("sig-a")).isEmpty();
        assertThat(seen.size()).isZero();
    }

    @Test
    void aSignatureFromAClockAheadIsRememberedForAsLongAsItIsAccepted() {
        Instant ahead = NOW.plus(Duration.ofMinutes(4));
        seen.remember("sig-ahead", ahead, answer("a"));

        clock.set(ahead.plus(WINDOW).minusMillis(1));

        assertThat(seen.answered("sig-ahead")).isPresent();
    }

    @Test
    void whenFullThereIsNoRoomUntilTheOldestLeavesItsWindow() {
        seen.remember("sig-1", NOW.minusSeconds(60), answer("1"));
        seen.remember("sig-2", NOW.minusSeconds(30), answer("2"));
        assertThat(seen.hasRoom()).isTrue();
        seen.remember("sig-3", NOW, answer("3"));

        assertThat(seen.hasRoom()).isFalse();
        assertThat(seen.untilRoom()).isEqualTo(WINDOW.minusSeconds(60));
        assertThat(seen.answered("sig-1")).as("nothing forgotten to make room").isPresent();

        clock.set(NOW.minusSeconds(60).plus(WINDOW).plusMillis(1));
        assertThat(seen.hasRoom()).isTrue();
        assertThat(seen.answered("sig-1")).isEmpty();
        assertThat(seen.answered("sig-2")).isPresent();
    }

    @Test
    void theFirstAnswerIsKept() {
        seen.remember("sig", NOW, answer("first"));
        seen.remember("sig", NOW, answer("second"));

        assertThat(seen.answered("sig")).contains(answer("first"));
        assertThat(seen.size()).isEqualTo(1);
    }
}
