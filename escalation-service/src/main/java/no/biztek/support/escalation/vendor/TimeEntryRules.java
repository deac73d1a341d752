package no.biztek.support.escalation.vendor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import no.biztek.support.httpapi.problem.FieldProblem;
import no.biztek.support.policy.PolicyHistory;

/**
 * When a time entry may be recorded, as pure rules over instants (the caller's injected clock gives {@code now}).
 * Each returns why not, or empty.
 */
final class TimeEntryRules {

    private TimeEntryRules() {
    }

    /**
     * An escalation takes time entries while it is open and for {@code grace} after its close (inclusive: an entry
     * recorded exactly at the end of the grace period is accepted), not after.
     *
     * @param closedAt when it was closed; null while open
     */
    static Optional<String> afterClose(Instant closedAt, Instant now, Duration grace) {
        if (closedAt == null) {
            return Optional.empty();
        }
        Instant until = closedAt.plus(grace);
        if (now.isAfter(until)) {
            return Optional.of("time entries were accepted until " + until + " (" + words(grace)
                    + " after the close), not after");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with an entry's period, by field: it ends after it starts and lasts at most {@code maxLength};
     * neither end lies beyond {@code now} plus {@code maxClockSkew}; it starts no earlier than {@code maxAge} before
     * now ({@link #tooOld}) and not before the support terms took effect.
     */
    static List<FieldProblem> periodProblems(Instant start, Instant end, Instant now, Duration maxClockSkew,
                                             Duration maxLength, Duration maxAge, PolicyHistory policies) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant latest = now.plus(maxClockSkew);
        if (!end.isAfter(start)) {
            problems.add(new FieldProblem("endedAt", "must be after startedAt"));
        } else if (Duration.between(start, end).compareTo(maxLength) > 0) {
            problems.add(new FieldProblem("endedAt", "an entry may be at most " + maxLength.toHours()
                    + " hours long; split longer work into several entries"));
        }
        if (end.isAfter(latest)) {
            problems.add(new FieldProblem("endedAt", "must not be in the future"));
        }
        if (start.isAfter(latest)) {
            problems.add(new FieldProblem("startedAt", "must not be in the future"));
        }
        tooOld(start, now, maxAge).ifPresent(tooOld -> problems.add(new FieldProblem("startedAt", tooOld)));
        try {
            policies.inForceAt(start);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("startedAt", "must not be before the support terms took effect"));
        }
        return problems;
    }

    /** An entry starts no earlier than {@code maxAge} before now. */
    static Optional<String> tooOld(Instant startedAt, Instant now, Duration maxAge) {
        Instant earliest = now.minus(maxAge);
        if (startedAt.isBefore(earliest)) {
            return Optional.of("must not be earlier than " + earliest + " (time is recorded within " + words(maxAge)
                    + ")");
        }
        return Optional.empty();
    }

    /** "7 days", "36 hours", "90 minutes", else the ISO form. */
    static String words(Duration duration) {
        if (!duration.isZero() && duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (duration.equals(Duration.ofHours(duration.toHours()))) {
            return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
        }
        if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
            return duration.toMinutes() + (duration.toMinutes() == 1 ? " minute" : " minutes");
        }
        return duration.toString();
    }
}
