package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import no.biztek.support.escalation.facts.Labels;
import no.biztek.support.escalation.facts.TicketFacts;

/**
 * A message in the parts every channel lays out its own way ({@link Layouts}): a title, a lead sentence, labelled
 * facts and links (the first one the main action). Title, lead and fact values are already escaped for the channel
 * they were made for; labels and links are the service's own.
 *
 * @param urgent a page that wants action (red), not news (green)
 */
record Notice(String title, String lead, List<Fact> facts, List<Link> links, boolean urgent) {

    record Fact(String label, String value) {
    }

    record Link(String label, URI url) {
    }

    Notice {
        facts = List.copyOf(facts);
        links = List.copyOf(links);
    }

    /** The title of a message about a page: "[Severity 1 – Critical] <what>: <ticket> – <customer>". */
    static String pageTitle(String severity, String what, TicketFacts facts, UnaryOperator<String> value) {
        return "[" + Labels.severity(severity) + "] " + what + ": " + value.apply(facts.name()) + " – "
                + value.apply(facts.customer());
    }

    /** The link to the ticket in its source system, when there is one. */
    static Optional<Link> sourceLink(TicketFacts facts, UnaryOperator<String> value) {
        return facts.sourceLink() == null ? Optional.empty()
                : Optional.of(new Link("Open in " + value.apply(facts.source()), facts.sourceLink()));
    }
}
