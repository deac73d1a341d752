package no.biztek.support.sla.clock;

import java.time.Duration;
import java.time.Instant;

import no.biztek.support.policy.PolicyHistory;

/** {@link ClockHarness} for a clock of one metric, on its one timer. */
final class RulesHarness extends ClockHarness {

    RulesHarness(PolicyHistory policies, Duration retention, Instant start) {
        super(policies, retention, start);
    }

    @Override
    void passTimeTo(Instant until, boolean late) {
        while (clock != null && clock.timerAt() != null && !clock.timerAt().isAfter(until)) {
            Instant due = clock.timerAt();
            now = late ? until : due.isAfter(now) ? due : now;
            record(rules.timer(clock, now));
            if (clock != null && clock.timerAt() != null && !clock.timerAt().isAfter(now)) {
                throw new AssertionError("a timer at " + due + " fired at " + now + " planned the next one at "
                        + clock.timerAt() + ", not after now: the punctuator would spin");
            }
        }
        if (until.isAfter(now)) {
            now = until;
        }
    }

    ClockReading read() {
        return reader.read(clock, now);
    }

    View downstreamView() {
        return follow(emitted(), false);
    }
}
