package no.biztek.support.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import no.biztek.support.escalation.paging.OnCallSchedule;
import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Level;
import no.biztek.support.escalation.paging.PagingProperties.Schedule;

/**
 * Who is on call at each level over a period, by the paging rules ({@link OnCallSchedule}): the schedule's change
 * points (weekly handovers, the start and end of every override) cut the period into segments, each with one ladder
 * (the person of every level). Pure.
 */
final class Shifts {

    /** From {@code from} (inclusive) to {@code to} (exclusive) the levels page {@code ladder} (level 1 first). */
    record Segment(Instant from, Instant to, List<Engineer> ladder) {
    }

    /**
     * A person's time at a level.
     *
     * @param overrideId the override that put them there, null: the rotation (or the level's named person)
     */
    record Shift(int level, String levelName, Engineer engineer, Instant from, Instant to, String overrideId) {
    }

    private final Schedule schedule;
    private final List<ScheduledOverride> overrides;
    private final List<Level> levels;
    private final OnCallSchedule onCall;

    /**
     * @param rotation  the rotation (its own overrides are not looked at)
     * @param overrides the overrides in the order they were written (the last matching one of a position wins)
     */
    Shifts(Schedule rotation, List<ScheduledOverride> overrides, List<Level> levels) {
        this.schedule = ScheduleState.withOverrides(rotation, overrides);
        this.overrides = List.copyOf(overrides);
        this.levels = List.copyOf(levels);
        this.onCall = new OnCallSchedule(schedule);
    }

    /** The shifts of a state of the schedule topic. */
    static Shifts of(ScheduleState state, List<Level> levels) {
        return new Shifts(state.rotation().orElseThrow(), state.overrides(), levels);
    }

    /** The same rotation with other overrides (a change being validated). */
    Shifts withOverrides(List<ScheduledOverride> otherOverrides) {
        return new Shifts(schedule, otherOverrides, levels);
    }

    List<ScheduledOverride> overrides() {
        return overrides;
    }

    Schedule schedule() {
        return schedule;
    }

    List<Level> levels() {
        return levels;
    }

    /** The person of a level (1-based) at an instant. */
    Engineer at(Instant at, int level) {
        Level l = levels.get(level - 1);
        return l.person() != null ? l.person() : onCall.onCall(at, l.rotationOffset());
    }

    List<Engineer> ladder(Instant at) {
        List<Engineer> ladder = new ArrayList<>(levels.size());
        for (int level = 1; level <= levels.size(); level++) {
            ladder.add(at(at, level));
        }
        return ladder;
    }

    /** The period cut at every change point, each piece with its ladder. */
    List<Segment> segments(Instant from, Instant to) {
        TreeSet<Instant> cuts = new TreeSet<>(handovers(from, to));
        for (ScheduledOverride o : overrides) {
            cuts.add(o.from());
            cuts.add(o.to());
        }
        List<Instant> points = new ArrayList<>();
        points.add(from);
        cuts.subSet(from, false, to, false).forEach(points::add);
        points.add(to);
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i + 1 < points.size(); i++) {
            segments.add(new Segment(points.get(i), points.get(i + 1), ladder(points.get(i))));
        }
        return segments;
    }

    /** Every level's shifts in the period, level by level, consecutive segments of one person and cause merged. */
    List<Shift> shifts(Instant from, Instant to) {
        List<Segment> segments = segments(from, to);
        List<Shift> shifts = new ArrayList<>();
        for (int level = 1; level <= levels.size(); level++) {
            Shift open = null;
            for (Segment segment : segments) {
                Engineer person = segment.ladder().get(level - 1);
                String cause = overrideAt(segment.from(), level);
                if (open != null && sameEngineer(open.engineer(), person) && Objects.equals(open.overrideId(), cause)) {
                    open = new Shift(level, open.levelName(), open.engineer(), open.from(), segment.to(), cause);
                } else {
                    if (open != null) {
                        shifts.add(open);
                    }
                    open = new Shift(level, levels.get(level - 1).name(), person, segment.from(), segment.to(), cause);
                }
            }
            if (open != null) {
                shifts.add(open);
            }
        }
        return shifts;
    }

    /**
     * How far around a period its shifts are computed so that the shifts overlapping it keep their real start and end
     * (the same on every read, whatever the period): the longest override the API accepts, and a rotation week (and
     * a day, for a switch to or from summer time). A shift longer than that (the named person of a level, always on
     * call; a rotation of one engineer; overrides back to back) is cut at the reach.
     */
    static Duration reach(Duration maxOverride) {
        return maxOverride.plus(Duration.ofDays(8));
    }

    /**
     * Every level's shifts that overlap the period ({@code from} inclusive, {@code to} exclusive), each with its real
     * start and end as far as {@code reach} around the period (not cut at the period).
     */
    List<Shift> overlapping(Instant from, Instant to, Duration reach) {
        return shifts(from.minus(reach), to.plus(reach)).stream()
                .filter(s -> s.to().isAfter(from) && s.from().isBefore(to)).toList();
    }

    /** The id of the override that puts the level's person there at the instant; null: none. */
    private String overrideAt(Instant at, int level) {
        Level l = levels.get(level - 1);
        if (l.person() != null) {
            return null;
        }
        String found = null;
        for (ScheduledOverride o : overrides) {
            if (o.rotationOffset() == l.rotationOffset() && o.inForceAt(at)) {
                found = o.id();
            }
        }
        return found;
    }

    /** The weekly handovers strictly inside the period. */
    List<Instant> handovers(Instant from, Instant to) {
        List<Instant> handovers = new ArrayList<>();
        LocalDate date = from.atZone(schedule.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(schedule.handoverDay()));
        while (true) {
            Instant at = ZonedDateTime.of(date, schedule.handoverTime(), schedule.zone()).toInstant();
            if (!at.isBefore(to)) {
                return handovers;
            }
            if (at.isAfter(from)) {
                handovers.add(at);
            }
            date = date.plusWeeks(1);
        }
    }

    static boolean sameEngineer(Engineer a, Engineer b) {
        return a.email().equalsIgnoreCase(b.email());
    }
}
