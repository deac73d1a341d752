package no.biztek.support.escalation.delivery;

import no.biztek.support.escalation.paging.PageCommand;

/**
 * What became of a page event; an undeliverable page remembers whether its DELIVERY_FAILED command was written, so a
 * record handed over again writes it only if it was not ({@link DeliveryFailedCommands}).
 */
final class DeliveryOutcome {

    /** Delivered, or not to be delivered. */
    static final DeliveryOutcome DELIVERED = new DeliveryOutcome(null, null, null, null);

    final String ticketId;
    /** e.g. "page p to nora@... at level 1, round 1"; null when delivered or not to be delivered. */
    final String what;
    final String failures;
    /** Moves an undeliverable page on; null for a withdrawal. */
    final PageCommand command;
    volatile boolean commanded;

    private DeliveryOutcome(String ticketId, String what, String failures, PageCommand command) {
        this.ticketId = ticketId;
        this.what = what;
        this.failures = failures;
        this.command = command;
    }

    static DeliveryOutcome undeliverable(String ticketId, String what, String failures, PageCommand command) {
        return new DeliveryOutcome(ticketId, what, failures, command);
    }

    boolean undeliverable() {
        return failures != null;
    }
}
