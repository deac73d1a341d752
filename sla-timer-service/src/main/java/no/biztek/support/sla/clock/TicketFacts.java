package no.biztek.support.sla.clock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything the SLA clock of one ticket is a function of: its opening and its lifecycle facts, kept in
 * event-time order ({@link Fact#EVENT_TIME_ORDER}) whatever order they arrived in.
 *
 * @param opened    the TicketOpened fact
 * @param lifecycle every later fact, sorted by event time
 */
public record TicketFacts(Fact opened, List<Fact> lifecycle) {

    public TicketFacts {
        Objects.requireNonNull(opened, "opened");
        if (opened.kind() != Fact.Kind.OPENED) {
            throw new IllegalArgumentException("a ticket's facts start with its opening, not " + opened.kind());
        }
        lifecycle = List.copyOf(lifecycle);
    }

    static TicketFacts openedBy(Fact opened) {
        return new TicketFacts(opened, List.of());
    }

    /** Whether the ticket event was applied already. */
    boolean contains(String eventId) {
        if (opened.eventId().equals(eventId)) {
            return true;
        }
        for (Fact fact : lifecycle) {
            if (fact.eventId().equals(eventId)) {
                return true;
            }
        }
        return false;
    }

    /** These facts and one more, in event-time order. */
    TicketFacts with(Fact fact) {
        List<Fact> facts = new ArrayList<>(lifecycle.size() + 1);
        facts.addAll(lifecycle);
        int at = facts.size();
        while (at > 0 && Fact.EVENT_TIME_ORDER.compare(facts.get(at - 1), fact) > 0) {
            at--;
        }
        facts.add(at, fact);
        return new TicketFacts(opened, facts);
    }
}
