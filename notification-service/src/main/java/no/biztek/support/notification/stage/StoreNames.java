package no.biztek.support.notification.stage;

/**
 * Names of the Kafka Streams state stores. Kafka Streams changelogs a store as
 * {@code <application-id>-<name>-changelog}, the naming rule of {@link InternalTopics}.
 */
public final class StoreNames {

    /** ticketId → what the service knows of a ticket (requester, customer, reference, title). */
    public static final String TICKETS = "tickets";
    /** ticketId␟escalationId → an open vendor escalation and its next keep-informed reminder. */
    public static final String ESCALATIONS = "vendor-escalations";
    /** kafka-platform's TimerIndex of the keep-informed reminders (see CadenceIndex). */
    public static final String CADENCE_INDEX = "cadence-due";
    /** cause eventId → when it was first told: each cause is told once. */
    public static final String SEEN_CAUSES = "seen-causes";
    /**
     * ticketId␟notificationId → a notification waiting for its ticket's TicketOpened or for its customer's
     * directory entry (the name is kept from when it only waited for the ticket, so the changelog stays).
     */
    public static final String AWAITING = "awaiting-ticket";
    /** ticketId → what the customer was told, when and to whom (the audit view). */
    public static final String HISTORY = "notification-history";
    /** kafka-platform's TimerIndex of the notifications without an outcome yet, by issue time (see PendingIndex). */
    public static final String PENDING = "pending-notifications";
    /** index store name → the key layout its entries are written in (absent: the layout before TimerIndex). */
    public static final String TIMER_INDEX_FORMAT = "timer-index-format";
    /** customerId → the customer's language and notification contacts (global: every instance holds all). */
    public static final String CUSTOMER_DIRECTORY = "customer-directory";
    /** notificationId → the mail the SMTP server accepted (global: every instance holds all). */
    public static final String SENT = "sent-notifications";

    private StoreNames() {
    }
}
