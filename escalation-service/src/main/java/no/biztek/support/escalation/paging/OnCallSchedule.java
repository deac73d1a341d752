package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Schedule;

/**
 * Who is on call at an instant: the rotation's engineer of the week (weeks run from handover to
 * handover in the schedule's zone, so a handover at 09:00 stays at 09:00 across daylight-saving
 * switches), unless a dated override names someone else. Reads the schedule in force at each question (the
 * schedule topic's view, see {@link CurrentSchedule}), so a change through the API applies to the next page.
 */
public final class OnCallSchedule {

    private final Supplier<Schedule> schedules;

    /** A fixed schedule. */
    public OnCallSchedule(Schedule schedule) {
        this(() -> schedule);
    }

    /** The schedule in force whenever asked. */
    public OnCallSchedule(Supplier<Schedule> schedules) {
        this.schedules = schedules;
    }

    /** The schedule in force now. */
    public Schedule schedule() {
        return schedules.get();
    }

    /** The zone of the schedule (Europe/Oslo), in which people read times. */
    public ZoneId zone() {
        return schedule().zone();
    }

    /**
     * The engineer on call at the instant ({@code offset} 0: the override in force, else the rotation's engineer of
     * the week), or for {@code offset} n &ge; 1 the n-th engineer after the week's rotation engineer, in rotation
     * order and wrapping round, <em>who is not the engineer on call</em>: with rotation [Kari, Ola] in Kari's week
     * and an override naming Ola (a swap), Ola is on call and the secondary is Kari, not Ola again. Each engineer
     * counts once (by e-mail). A rotation with nobody besides the engineer on call pages the engineer on call
     * again: paging someone is better than paging nobody. An override of position n &ge; 1 (a cover of the secondary)
     * names the engineer at that position directly.
     */
    public Engineer onCall(Instant at, int offset) {
        Schedule schedule = schedule();
        Engineer primary = override(schedule, at, 0).orElseGet(() -> rotationEngineer(schedule, at, 0));
        if (offset == 0) {
            return primary;
        }
        Optional<Engineer> covering = override(schedule, at, offset);
        if (covering.isPresent()) {
            return covering.get();
        }
        List<Engineer> rotation = schedule.rotation();
        List<Engineer> others = new ArrayList<>();
        for (int step = 1; step <= rotation.size(); step++) {
            Engineer candidate = rotationEngineer(schedule, at, step);
            if (!sameEngineer(candidate, primary) && others.stream().noneMatch(o -> sameEngineer(o, candidate))) {
                others.add(candidate);
            }
        }
        return others.isEmpty() ? primary : others.get((offset - 1) % others.size());
    }

    private static Engineer rotationEngineer(Schedule schedule, Instant at, int offset) {
        List<Engineer> rotation = schedule.rotation();
        int index = (int) Math.floorMod(handoversSinceStart(schedule, at) + offset, (long) rotation.size());
        return rotation.get(index);
    }

    private static boolean sameEngineer(Engineer a, Engineer b) {
        return a.email().equalsIgnoreCase(b.email());
    }

    private static Optional<Engineer> override(Schedule schedule, Instant at, int offset) {
        Engineer found = null;
        for (PagingProperties.Override o : schedule.overrides()) {
            if (o.rotationOffset() == offset && !at.isBefore(o.from().toInstant()) && at.isBefore(o.to().toInstant())) {
                found = o.engineer();
            }
        }
        return Optional.ofNullable(found);
    }

    /** How many handovers lie between the rotation's start and the instant (negative before the start). */
    long handoversSinceStart(Instant at) {
        return handoversSinceStart(schedule(), at);
    }

    private static long handoversSinceStart(Schedule schedule, Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, schedule.zone());
        LocalDate lastHandover = local.toLocalDate().with(TemporalAdjusters.previousOrSame(schedule.handoverDay()));
        if (lastHandover.equals(local.toLocalDate()) && local.toLocalTime().isBefore(schedule.handoverTime())) {
            lastHandover = lastHandover.minusWeeks(1);
        }
        return ChronoUnit.WEEKS.between(schedule.rotationStart(), lastHandover);
    }
}
