package no.biztek.support.escalation.facts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.escalation.view.ViewsProperties;

/** Ticket facts for tests of what uses them: views that know nothing, read from no topic. */
public final class TestFacts {

    private TestFacts() {
    }

    /** A lookup over empty views: every ticket's facts are its ids alone. */
    public static TicketFactsLookup none(Clock clock) {
        ViewsProperties views = new ViewsProperties(Duration.ofDays(30), 24);
        return new TicketFactsLookup(new TicketDirectory(clock, views), new CustomerContacts(),
                new SlaDeadlines(clock, views), new SourceLinks(Map.of()), List.of());
    }
}
