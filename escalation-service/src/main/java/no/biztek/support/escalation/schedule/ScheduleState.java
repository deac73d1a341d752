package no.biztek.support.escalation.schedule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Schedule;

/**
 * What the schedule topic says at one moment: the rotation (empty until seeded), its overrides in the order they
 * were written (the last matching one wins), each engineer's calendar feed generation, and the instance that first
 * claimed each hand-over notice.
 *
 * @param rotation the rotation without overrides
 */
record ScheduleState(Optional<Schedule> rotation, List<ScheduledOverride> overrides, Map<String, Integer> feeds,
                     Map<String, String> handoverClaims) {

    static final ScheduleState EMPTY = new ScheduleState(Optional.empty(), List.of(), Map.of(), Map.of());

    ScheduleState {
        overrides = List.copyOf(overrides);
        feeds = Map.copyOf(feeds);
        handoverClaims = Map.copyOf(handoverClaims);
    }

    /** The schedule in force (rotation and overrides), as the paging rules read it. */
    Optional<Schedule> schedule() {
        return rotation.map(r -> withOverrides(r, overrides));
    }

    /** The same rotation with other overrides (a change being validated). */
    static Schedule withOverrides(Schedule rotation, List<ScheduledOverride> overrides) {
        return new Schedule(rotation.zone(), rotation.handoverDay(), rotation.handoverTime(), rotation.rotationStart(),
                rotation.rotation(), overrides.stream().map(ScheduledOverride::asOverride).toList());
    }

    Optional<ScheduledOverride> override(String id) {
        return overrides.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The rotation's engineer with this e-mail (case-insensitive). */
    Optional<Engineer> engineer(String email) {
        return rotation.flatMap(r -> r.rotation().stream().filter(e -> e.email().equalsIgnoreCase(email.trim()))
                .findFirst());
    }

    /** The current generation of an engineer's calendar feed; 0: none issued. */
    int feedGeneration(String email) {
        return feeds.getOrDefault(ScheduleRecords.normalised(email), 0);
    }
}
