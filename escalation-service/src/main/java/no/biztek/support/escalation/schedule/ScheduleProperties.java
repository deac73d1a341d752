package no.biztek.support.escalation.schedule;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The on-call schedule on its topic (the rotation and the seed overrides are {@code support.escalation.paging.schedule}).
 *
 * @param maxOverride the longest override the API accepts
 * @param calendar    what the calendar feeds show
 * @param handoff     the hand-over notices to the incoming engineer
 * @param gapHorizon  how far ahead {@code support_oncall_schedule_gaps} counts gaps
 */
@Validated
@ConfigurationProperties("support.escalation.schedule")
public record ScheduleProperties(@NotNull Duration maxOverride, @NotNull @Valid Calendar calendar,
                                 @NotNull @Valid Handoff handoff, @NotNull Duration gapHorizon) {

    public ScheduleProperties {
        requirePositive("max-override", maxOverride);
        requirePositive("gap-horizon", gapHorizon);
    }

    /**
     * @param past   how far back a feed shows shifts
     * @param future how far ahead a feed shows shifts
     */
    public record Calendar(@NotNull Duration past, @NotNull Duration future) {

        public Calendar {
            requirePositive("calendar.past", past);
            requirePositive("calendar.future", future);
        }
    }

    /**
     * @param enabled       whether incoming engineers are told of their shift and the open pages
     * @param checkInterval how often an instance looks for a hand-over that has come (also recomputes the gap metric)
     * @param catchUp       how far back a starting instance looks for a hand-over nobody told yet
     */
    public record Handoff(boolean enabled, @NotNull Duration checkInterval, @NotNull Duration catchUp) {

        public Handoff {
            requirePositive("handoff.check-interval", checkInterval);
            if (catchUp != null && catchUp.isNegative()) {
                throw new IllegalArgumentException("schedule.handoff.catch-up: must not be negative, was " + catchUp);
            }
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("schedule." + property + ": must be positive, was " + value);
        }
    }
}
