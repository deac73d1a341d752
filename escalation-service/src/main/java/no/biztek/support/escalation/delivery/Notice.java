package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.util.List;

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
}
