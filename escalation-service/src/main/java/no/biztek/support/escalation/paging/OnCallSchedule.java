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

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Schedule;

/**
 * Who is on call at an instant: the rotation's engineer of the week (weeks run from handover to
 * handover in the schedule's zone, so a handover at 09:00 stays at 09:00 across daylight-saving
 * switches), unless a dated override names someone else.
 */
public final class OnCallSchedule {

    private final Schedule schedule;

    public OnCallSchedule(Schedule schedule) {
        this.schedule = schedule;
    }

    /** The zone of the schedule (Europe/Oslo), in which people read times. */
    public ZoneId zone() {
        return schedule.zone();
    }

    /**
     * The engineer on call at the instant ({@code offset} 0: the override in force, else the rotation's engineer of
     * the week), or for {@code offset} n &ge; 1 the n-th engineer after the week's rotation engineer, in rotation
     * order and wrapping round, <em>who is not the engineer on call</em>: with rotation [Kari, Ola] in Kari's week
     * and an override naming Ola (a swap), Ola is on call and the secondary is Kari, not Ola again. Each engineer
     * counts once (by e-mail). A rotation with nobody besides the engineer on call pages the engineer on call
     * again: paging someone is better than paging nobody.
     */
    public Engineer onCall(Instant at, int offset) {
        Engineer primary = override(at).orElseGet(() -> rotationEngineer(at, 0));
        if (offset == 0) {
            return primary;
        }
        List<Engineer> rotation = schedule.rotation();
        List<Engineer> others = new ArrayList<>();
        for (int step = 1; step <= rotation.size(); step++) {
            Engineer candidate = rotationEngineer(at, step);
            if (!sameEngineer(candidate, primary) && others.stream().noneMatch(o -> sameEngineer(o, candidate))) {
                others.add(candidate);
            }
        }
        return others.isEmpty() ? primary : others.get((offset - 1) % others.size());
    }

    private Engineer rotationEngineer(Instant at, int offset) {
        List<Engineer> rotation = schedule.rotation();
        int index = (int) Math.floorMod(handoversSinceStart(at) + offset, (long) rotation.size());
        return rotation.get(index);
    }

    private static boolean sameEngineer(Engineer a, Engineer b) {
        return a.email().equalsIgnoreCase(b.email());
    }

    private Optional<Engineer> override(Instant at) {
        Engineer found = null;
        for (PagingProperties.Override o : schedule.overrides()) {
            if (!at.isBefore(o.from().toInstant()) && at.isBefore(o.to().toInstant())) {
                found = o.engineer();
            }
        }
        return Optional.ofNullable(found);
    }

    /** How many handovers lie between the rotation's start and the instant (negative before the start). */
    long handoversSinceStart(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, schedule.zone());
        LocalDate lastHandover = local.toLocalDate().with(TemporalAdjusters.previousOrSame(schedule.handoverDay()));
        if (lastHandover.equals(local.toLocalDate()) && local.toLocalTime().isBefore(schedule.handoverTime())) {
            lastHandover = lastHandover.minusWeeks(1);
        }
        return ChronoUnit.WEEKS.between(schedule.rotationStart(), lastHandover);
    }
}
