package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Level;

/**
 * The escalation ladder: a page starts at a level in round 1; when a level's acknowledgement timeout
 * passes (or the page cannot be delivered) it moves to the next level; after the last level it starts
 * the next round at the level it started at; after the last round it stops paging (exhausted).
 */
public final class EscalationPolicy {

    private final List<Level> levels;
    private final int rounds;
    private final OnCallSchedule schedule;

    public EscalationPolicy(PagingProperties.Policy policy, OnCallSchedule schedule) {
        this.levels = List.copyOf(policy.levels());
        this.rounds = policy.rounds();
        this.schedule = schedule;
    }

    /** A position on the ladder: 1-based level and round. */
    public record Step(int level, int round) {
    }

    /** Who a step pages, under which level name, and by when they must acknowledge. */
    public record Assignment(Step step, String levelName, Engineer person, Instant acknowledgeBy) {
    }

    public int levelCount() {
        return levels.size();
    }

    public int rounds() {
        return rounds;
    }

    /** The zone the on-call people read times in (the schedule's). */
    public ZoneId zone() {
        return schedule.zone();
    }

    /** The step after {@code current} for a page that started at {@code startLevel}; empty: paging stops. */
    public Optional<Step> next(Step current, int startLevel) {
        if (current.level() < levels.size()) {
            return Optional.of(new Step(current.level() + 1, current.round()));
        }
        if (current.round() < rounds) {
            return Optional.of(new Step(Math.min(startLevel, levels.size()), current.round() + 1));
        }
        return Optional.empty();
    }

    /** Whom the step pages at {@code now}. */
    public Assignment assign(Step step, Instant now) {
        Level level = levels.get(step.level() - 1);
        Engineer person = level.person() != null ? level.person() : schedule.onCall(now, level.rotationOffset());
        return new Assignment(step, level.name(), person, now.plus(level.acknowledgeWithin()));
    }
}
