package no.biztek.support.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;

/**
 * Gaps in the ladder: periods in which a level has nobody distinct on call, i.e. its person is also on call at a
 * lower level (a page that moves on reaches the same person again). The paging rules always page someone, so a
 * level is never empty; a gap is a level that adds nobody. Pure.
 */
final class Gaps {

    /**
     * @param sameAsLevel the lower level that has the same person
     */
    record Gap(int level, String levelName, Instant from, Instant to, Engineer engineer, int sameAsLevel) {
    }

    private Gaps() {
    }

    /** Every gap of the period, level by level, consecutive pieces merged. */
    static List<Gap> of(Shifts shifts, Instant from, Instant to) {
        List<Shifts.Segment> segments = shifts.segments(from, to);
        List<Gap> gaps = new ArrayList<>();
        for (int level = 2; level <= shifts.levels().size(); level++) {
            Gap open = null;
            for (Shifts.Segment segment : segments) {
                Gap piece = gapAt(segment, level, shifts.levels().get(level - 1).name());
                if (open != null && piece != null && open.to().equals(piece.from())
                        && Shifts.sameEngineer(open.engineer(), piece.engineer())
                        && open.sameAsLevel() == piece.sameAsLevel()) {
                    open = new Gap(level, open.levelName(), open.from(), piece.to(), open.engineer(), open.sameAsLevel());
                    continue;
                }
                if (open != null) {
                    gaps.add(open);
                }
                open = piece;
            }
            if (open != null) {
                gaps.add(open);
            }
        }
        return gaps;
    }

    private static Gap gapAt(Shifts.Segment segment, int level, String levelName) {
        Engineer person = segment.ladder().get(level - 1);
        for (int lower = 1; lower < level; lower++) {
            if (Shifts.sameEngineer(person, segment.ladder().get(lower - 1))) {
                return new Gap(level, levelName, segment.from(), segment.to(), person, lower);
            }
        }
        return null;
    }

    /**
     * The gaps of {@code after} that {@code before} did not have (the parts of them outside every gap of the same
     * level before): what a change would add.
     */
    static List<Gap> introduced(List<Gap> before, List<Gap> after) {
        List<Gap> added = new ArrayList<>();
        for (Gap gap : after) {
            List<Gap> pieces = List.of(gap);
            for (Gap old : before) {
                if (old.level() != gap.level()) {
                    continue;
                }
                List<Gap> rest = new ArrayList<>();
                for (Gap piece : pieces) {
                    rest.addAll(minus(piece, old.from(), old.to()));
                }
                pieces = rest;
            }
            added.addAll(pieces);
        }
        return added;
    }

    private static List<Gap> minus(Gap gap, Instant from, Instant to) {
        if (!from.isBefore(gap.to()) || !to.isAfter(gap.from())) {
            return List.of(gap);
        }
        List<Gap> rest = new ArrayList<>();
        if (gap.from().isBefore(from)) {
            rest.add(new Gap(gap.level(), gap.levelName(), gap.from(), from, gap.engineer(), gap.sameAsLevel()));
        }
        if (to.isBefore(gap.to())) {
            rest.add(new Gap(gap.level(), gap.levelName(), to, gap.to(), gap.engineer(), gap.sameAsLevel()));
        }
        return rest;
    }

    /**
     * How many gaps of each level (every level from 2 listed, 0 when none) are in progress at {@code now} or start
     * within {@code horizon} after it.
     */
    static Map<Integer, Integer> countsAhead(Shifts shifts, Instant now, Duration horizon) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int level = 1; level <= shifts.levels().size(); level++) {
            counts.put(level, 0);
        }
        for (Gap gap : of(shifts, now, now.plus(horizon))) {
            counts.merge(gap.level(), 1, Integer::sum);
        }
        return counts;
    }
}
