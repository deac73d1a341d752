package no.biztek.support.escalation.facts;

import java.net.URI;
import java.time.Instant;

/**
 * What a person paged for a ticket needs to act on it at 02:00, as far as this service knows it: every field but the
 * ticket and customer ids may be null (a ticket known only by its reopening, a customer the directory does not hold,
 * a deadline the SLA timer has not announced yet).
 *
 * @param customerName       the customer's display name
 * @param customerPhone      the number to call the customer on
 * @param sourceLink         the ticket in its source system (a {@code support.escalation.source-links} template)
 * @param firstResponseDueAt the first-response deadline, as last announced
 * @param resolutionDueAt    the resolution deadline where the customer's plan sets one and its clock runs
 * @param breachedMetric     the metric whose deadline has passed without being met ({@code first-response} first)
 */
public record TicketFacts(String ticketId, String customerId, String title, String description, String source,
                          String externalId, URI sourceLink, Instant openedAt, String customerName,
                          String customerPhone, Instant firstResponseDueAt, Instant resolutionDueAt,
                          String breachedMetric) {

    /** What people call the ticket: its title, else "ticket <id>". */
    public String name() {
        return title == null || title.isBlank() ? "ticket " + ticketId : title;
    }

    /** What people call the customer: the display name, else the id. */
    public String customer() {
        return customerName == null || customerName.isBlank() ? customerId : customerName;
    }

    /** Nothing known beyond the ids. */
    public static TicketFacts unknown(String ticketId, String customerId) {
        return new TicketFacts(ticketId, customerId, null, null, null, null, null, null, null, null, null, null, null);
    }
}
