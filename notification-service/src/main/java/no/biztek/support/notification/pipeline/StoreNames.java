package no.biztek.support.notification.pipeline;

/** Names of the Kafka Streams state stores (changelogged as {@code <application-id>-<name>-changelog}). */
public final class StoreNames {

    /** ticketId → what the service knows of a ticket (requester, customer, reference, title). */
    public static final String TICKETS = "tickets";
    /** ticketId|escalationId → an open vendor escalation and its next keep-informed reminder. */
    public static final String ESCALATIONS = "vendor-escalations";
    /** zero-padded due millis|ticketId|escalationId → "", the keep-informed timers by due time. */
    public static final String CADENCE_INDEX = "cadence-due";
    /** cause eventId → when it was first told: each cause is told once. */
    public static final String SEEN_CAUSES = "seen-causes";
    /**
     * ticketId|notificationId → a notification waiting for its ticket's TicketOpened or for its customer's
     * directory entry (the name is kept from when it only waited for the ticket, so the changelog stays).
     */
    public static final String AWAITING = "awaiting-ticket";
    /** ticketId → what the customer was told, when and to whom (the audit view). */
    public static final String HISTORY = "notification-history";
    /** zero-padded issued millis|notificationId → ticketId: notifications without an outcome yet. */
    public static final String PENDING = "pending-notifications";
    /** customerId → the customer's language and notification contacts (global: every instance holds all). */
    public static final String CUSTOMER_DIRECTORY = "customer-directory";
    /** notificationId → the mail the SMTP server accepted (global: every instance holds all). */
    public static final String SENT = "sent-notifications";

    private StoreNames() {
    }
}
