package no.biztek.support.notification.pipeline;

/** Names of the Kafka Streams state stores (changelogged as {@code <application-id>-<name>-changelog}). */
public final class StoreNames {

    /** ticketId → what the service knows of a ticket (requester, customer, reference, title). */
    public static final String TICKETS = "tickets";
    /** ticketId|escalationId → an open vendor escalation and its next keep-informed reminder. */
    public static final String ESCALATIONS = "vendor-escalations";
    /** zero-padded due millis|ticketId|escalationId → "", the keep-informed timers by due time. */
    public static final String CADENCE_INDEX = "cadence-due";
    /** cause eventId → when it was first seen: each cause is told once. */
    public static final String SEEN_CAUSES = "seen-causes";
    /** ticketId|notificationId → a notification waiting for its ticket's TicketOpened. */
    public static final String AWAITING_TICKET = "awaiting-ticket";
    /** ticketId → what the customer was told, when and to whom (the audit view). */
    public static final String HISTORY = "notification-history";
    /** zero-padded issued millis|notificationId → ticketId: notifications without an outcome yet. */
    public static final String PENDING = "pending-notifications";
    /** customerId → the customer's language and notification contacts. */
    public static final String CUSTOMERS = "customers";
    /** customerId|notificationId → a notification waiting for its customer's directory entry. */
    public static final String AWAITING_CUSTOMER = "awaiting-customer";
    /** notificationId → the mail the SMTP server accepted (global: every instance holds all). */
    public static final String SENT = "sent-notifications";

    private StoreNames() {
    }
}
