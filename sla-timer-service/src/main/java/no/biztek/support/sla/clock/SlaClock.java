package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.Objects;

/**
 * The durable SLA clock of one ticket: the value of the clock store, keyed by ticketId. Internal state of
 * this service (not a topic contract); see {@link SlaClockSerde} for its stored form. The clock keeps the
 * ticket's facts (what its state is a function of), what it announced (what its events said), and its one
 * entry in the timer index.
 *
 * @param ticketId      the ticket
 * @param customerId    its customer
 * @param policyVersion id of the policy version in force when the ticket was opened
 * @param facts         the ticket's facts, in event-time order
 * @param announced     what the clock's SLA events announced so far
 * @param timerAt       the instant of this clock's one entry in the timer index, null for none
 */
public record SlaClock(String ticketId, String customerId, String policyVersion, TicketFacts facts,
                       Announcement announced, Instant timerAt) {

    /** Facts kept per ticket; a ticket with more is refused further facts (they go to the dead-letter topic). */
    static final int MAX_FACTS = 200;

    public SlaClock {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(announced, "announced");
    }

    public Instant openedAt() {
        return facts.opened().at();
    }

    /** Whether its events last announced a running clock (it counts as an open clock). */
    public boolean isRunning() {
        return announced.isRunning();
    }

    SlaClock with(TicketFacts newFacts, Announcement newAnnouncement, Instant newTimerAt) {
        return new SlaClock(ticketId, customerId, policyVersion, newFacts, newAnnouncement, newTimerAt);
    }

    SlaClock withTimerAt(Instant newTimerAt) {
        return new SlaClock(ticketId, customerId, policyVersion, facts, announced, newTimerAt);
    }
}
