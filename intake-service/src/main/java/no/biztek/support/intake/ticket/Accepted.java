package no.biztek.support.intake.ticket;

/**
 * The answer to an accepted request.
 *
 * @param ticketId the ticket
 * @param eventId  the event that records the request (also when it was recorded before)
 * @param outcome  whether this request published the event or found it already recorded
 */
public record Accepted(String ticketId, String eventId, Outcome outcome) {

    public enum Outcome { PUBLISHED, ALREADY_RECORDED }
}
