package no.biztek.support.escalation.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;

/**
 * When the engineer on call (level 1) changes: at a weekly handover, or when an override starts or ends with
 * another person than before. Pure.
 */
final class Handovers {

    /** How far ahead the end of the incoming engineer's shift is looked for. */
    static final Duration SHIFT_LOOKAHEAD = Duration.ofDays(63);

    /**
     * @param until the end of the incoming engineer's level-1 shift (at most {@link #SHIFT_LOOKAHEAD} after it
     *              started)
     */
    record Handover(Instant at, Engineer incoming, String levelName, Instant until) {
    }

    private Handovers() {
    }

    /** The hand-overs after {@code after} (exclusive) up to {@code upTo} (inclusive), oldest first. */
    static List<Handover> between(Shifts shifts, Instant after, Instant upTo) {
        List<Shifts.Segment> segments = shifts.segments(after, upTo.plus(SHIFT_LOOKAHEAD).plusMillis(1));
        String levelName = shifts.levels().get(0).name();
        List<Handover> handovers = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            Shifts.Segment segment = segments.get(i);
            if (segment.from().isAfter(upTo)) {
                break;
            }
            Engineer before = segments.get(i - 1).ladder().get(0);
            Engineer incoming = segment.ladder().get(0);
            if (!Shifts.sameEngineer(before, incoming)) {
                handovers.add(new Handover(segment.from(), incoming, levelName, endOfShift(segments, i)));
            }
        }
        return handovers;
    }

    private static Instant endOfShift(List<Shifts.Segment> segments, int start) {
        Engineer incoming = segments.get(start).ladder().get(0);
        int i = start;
        while (i + 1 < segments.size() && Shifts.sameEngineer(segments.get(i + 1).ladder().get(0), incoming)) {
            i++;
        }
        return segments.get(i).to();
    }
}
