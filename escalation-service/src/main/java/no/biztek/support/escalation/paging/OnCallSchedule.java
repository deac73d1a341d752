package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
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
     * The engineer on call at the instant ({@code offset} 0), or the one {@code offset} places after
     * them in the rotation (1: the secondary). Overrides replace only the engineer on call.
     */
    public Engineer onCall(Instant at, int offset) {
        if (offset == 0) {
            Optional<Engineer> override = override(at);
            if (override.isPresent()) {
                return override.get();
            }
        }
        List<Engineer> rotation = schedule.rotation();
        int index = (int) Math.floorMod(handoversSinceStart(at) + offset, (long) rotation.size());
        return rotation.get(index);
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
