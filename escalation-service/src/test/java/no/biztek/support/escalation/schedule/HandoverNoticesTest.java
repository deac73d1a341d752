package no.biztek.support.escalation.schedule;

import static no.biztek.support.escalation.paging.TestPaging.KARI;
import static no.biztek.support.escalation.paging.TestPaging.NORA;
import static no.biztek.support.escalation.paging.TestPaging.OLA;
import static no.biztek.support.escalation.schedule.TestSchedule.HANDOVER;
import static no.biztek.support.escalation.schedule.TestSchedule.LEVELS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.delivery.HandoverDelivery;
import no.biztek.support.testing.MutableClock;

/** When an instance tells a hand-over: by the clock, once, only when its claim won, again after Kafka failed. */
class HandoverNoticesTest {

    private final MutableClock clock = new MutableClock(HANDOVER.minus(Duration.ofMinutes(1)));
    private final AtomicReference<ScheduleState> state = new AtomicReference<>(TestSchedule.state());
    private final List<HandoverDelivery.Handover> told = new ArrayList<>();
    private final List<Instant> claimed = new ArrayList<>();
    private final List<String> forgotten = new ArrayList<>();
    private final AtomicInteger gapCounts = new AtomicInteger();
    private boolean winsClaims = true;
    private boolean kafkaDown;

    private HandoverNotices notices(boolean enabled) {
        return new HandoverNotices(state::get, LEVELS, List::of, handover -> told.add(handover), (at, email) -> {
            if (kafkaDown) {
                throw new IllegalStateException("Kafka did not answer");
            }
            claimed.add(at);
            return winsClaims;
        }, key -> {
            if (kafkaDown) {
                throw new IllegalStateException("Kafka did not answer");
            }
            forgotten.add(key);
        }, gapCounts::incrementAndGet, new ScheduleProperties.Handoff(enabled, Duration.ofSeconds(30),
                Duration.ofMinutes(15)), clock);
    }

    @Test
    void theWeeklyHandoverIsToldOnceWhenItsTimeHasCome() {
        HandoverNotices notices = notices(true);

        notices.check();
        assertThat(told).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        notices.check();
        notices.check();
        clock.advance(Duration.ofSeconds(30));
        notices.check();

        assertThat(told).singleElement().satisfies(h -> {
            assertThat(h.incoming()).isEqualTo(KARI);
            assertThat(h.from()).isEqualTo(HANDOVER);
            assertThat(h.until()).isEqualTo(HANDOVER.plus(Duration.ofDays(7)));
            assertThat(h.levelName()).isEqualTo("on-call engineer");
        });
        assertThat(claimed).containsExactly(HANDOVER);
        assertThat(gapCounts).as("the gap metric at every check").hasValue(4);
    }

    @Test
    void aStartingInstanceCatchesUpOnAHandoverOfTheLastMinutesButNotOlder() {
        clock.set(HANDOVER.plus(Duration.ofMinutes(10)));
        notices(true).check();
        assertThat(told).extracting(HandoverDelivery.Handover::incoming).containsExactly(KARI);

        told.clear();
        clock.set(HANDOVER.plus(Duration.ofMinutes(16)));
        notices(true).check();
        assertThat(told).isEmpty();
    }

    @Test
    void anInstanceWhoseClaimLostTellsNothing() {
        winsClaims = false;
        clock.set(HANDOVER);

        notices(true).check();

        assertThat(claimed).containsExactly(HANDOVER);
        assertThat(told).isEmpty();
    }

    @Test
    void aClaimKafkaDidNotTakeIsTriedAgainAtTheNextCheck() {
        HandoverNotices notices = notices(true);
        notices.check();
        clock.set(HANDOVER.plusSeconds(5));
        kafkaDown = true;

        assertThatThrownBy(notices::check).hasMessageContaining("Kafka");
        kafkaDown = false;
        clock.advance(Duration.ofSeconds(30));
        notices.check();

        assertThat(told).extracting(HandoverDelivery.Handover::from).containsExactly(HANDOVER);
    }

    @Test
    void anOverrideMadeFromNowIsToldToWhoeverItPutsOnCallAndBackAtItsEnd() {
        Instant now = HANDOVER.minus(Duration.ofDays(2));
        clock.set(now);
        HandoverNotices notices = notices(true);
        notices.check();
        state.set(TestSchedule.state(TestSchedule.cover("swap", 0, OLA, now, now.plus(Duration.ofHours(1)))));

        notices.check();
        clock.advance(Duration.ofHours(1));
        notices.check();

        assertThat(told).extracting(HandoverDelivery.Handover::incoming).containsExactly(OLA, NORA);
        assertThat(told.get(0).until()).isEqualTo(now.plus(Duration.ofHours(1)));
    }

    @Test
    void anOverrideStartingAMinuteAgoMadeAfterACheckIsTold() {
        Instant now = HANDOVER.minus(Duration.ofDays(2));
        clock.set(now);
        HandoverNotices notices = notices(true);
        notices.check();
        clock.advance(Duration.ofSeconds(30));
        OverrideRules rules = new OverrideRules(LEVELS, Duration.ofMinutes(2), Duration.ofDays(90));
        ScheduledOverride swap = ((OverrideRules.Accepted) rules.create(new OverrideRules.Request("swap", 1,
                OLA.email(), clock.instant().minus(Duration.ofMinutes(1)), clock.instant().plus(Duration.ofHours(1)),
                null, false), state.get(), clock.instant(), "desk")).override();
        state.set(TestSchedule.state(swap));

        clock.advance(Duration.ofSeconds(30));
        notices.check();

        assertThat(told).extracting(HandoverDelivery.Handover::incoming).containsExactly(OLA);
    }

    @Test
    void onlyTheClaimsOfHandOversBeforeTheCatchUpWindowAreChosenForRemoval() {
        Instant now = HANDOVER.plus(Duration.ofHours(1));
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(ScheduleRecords.handoverKey(HANDOVER), "a");
        claims.put(ScheduleRecords.handoverKey(now.minus(Duration.ofMinutes(15))), "a");
        claims.put(ScheduleRecords.handoverKey(now.minus(Duration.ofMinutes(14))), "b");
        claims.put(ScheduleRecords.handoverKey(now.plus(Duration.ofDays(3))), "b");
        claims.put(ScheduleRecords.handoverKey(HANDOVER.minus(Duration.ofDays(7))), "c");
        claims.put("handover|not-an-instant", "c");

        assertThat(HandoverClaims.expired(claims, now.minus(Duration.ofMinutes(15)))).containsExactly(
                ScheduleRecords.handoverKey(HANDOVER.minus(Duration.ofDays(7))), ScheduleRecords.handoverKey(HANDOVER));
    }

    @Test
    void aCheckRemovesTheClaimsBeforeTheCatchUpWindowAndNeverClaimsThatFarBack() {
        Instant old = HANDOVER.minus(Duration.ofDays(7));
        state.set(new ScheduleState(TestSchedule.state().rotation(), List.of(), Map.of(), Map.of(
                ScheduleRecords.handoverKey(old), "a")));
        HandoverNotices notices = notices(true);

        notices.check();
        assertThat(forgotten).containsExactly(ScheduleRecords.handoverKey(old));

        // Kafka is down from just before the hand-over until after the catch-up window: the claim is not made
        clock.set(HANDOVER.plusSeconds(5));
        kafkaDown = true;
        assertThatThrownBy(notices::check).hasMessageContaining("Kafka");
        kafkaDown = false;
        clock.set(HANDOVER.plus(Duration.ofMinutes(20)));
        notices.check();

        assertThat(claimed).as("a hand-over before the window (its claim may be removed) is not claimed again")
                .isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void turnedOffItClaimsAndTellsNothingButStillCountsGaps() {
        clock.set(HANDOVER);
        notices(false).check();

        assertThat(claimed).isEmpty();
        assertThat(told).isEmpty();
        assertThat(gapCounts).hasValue(1);
    }
}
