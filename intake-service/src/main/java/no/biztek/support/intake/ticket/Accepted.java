package no.biztek.support.intake.ticket;

/**
 * The answer to an accepted request.
 *
 * @param ticketId the ticket
 * @param eventId  the event that records the request (also when it was recorded before)
 * @param outcome  whether this request published the event, found it already recorded, or (the Zendesk
 *                 webhook only) was a replay of a delivery already handled
 */
public record Accepted(String ticketId, String eventId, Outcome outcome) {

    public enum Outcome { PUBLISHED, ALREADY_RECORDED, REPLAYED }

    /** This answer, as given to a replay of the request it answered. */
    public Accepted replayed() {
        return new Accepted(ticketId, eventId, Outcome.REPLAYED);
    }
}
