package no.biztek.support.escalation.paging;

import java.time.Instant;

/**
 * An entry of the {@code page-timers} store: key {@code <due epoch millis, 13 digits>|ticketId|pageId}, so a range
 * scan finds the due ones in due order; value the kind's one-letter code. A ticket's purge timer has an empty page
 * id. A page keeps the key of its one timer ({@link PageState#timerKey()}), a resolved ticket that of its purge
 * ({@link TicketState#purgeKey()}): an entry that no longer matches it is stale and does nothing.
 */
record PageTimer(String key, Kind kind) {

    enum Kind {
        /** The current level's acknowledgement time is over: move the page on. */
        ESCALATE("E"),
        /** Forget an ended page. */
        PURGE_PAGE("P"),
        /** Forget a resolved ticket. */
        PURGE_TICKET("T");

        final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The kind of a stored code, null for one this version does not know. */
        static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            return null;
        }
    }

    static PageTimer escalate(Instant due, String ticketId, String pageId) {
        return new PageTimer(key(due, ticketId, pageId), Kind.ESCALATE);
    }

    static PageTimer purgePage(Instant due, String ticketId, String pageId) {
        return new PageTimer(key(due, ticketId, pageId), Kind.PURGE_PAGE);
    }

    static PageTimer purgeTicket(Instant due, String ticketId) {
        return new PageTimer(key(due, ticketId, ""), Kind.PURGE_TICKET);
    }

    /** The range-scan bound below every timer. */
    static String lowest() {
        return prefix(0);
    }

    /** The range-scan bound above every timer due at or before {@code now}. */
    static String dueBy(Instant now) {
        return prefix(now.toEpochMilli()) + "|\uffff";
    }

    String ticketId() {
        return key.substring(key.indexOf('|') + 1, key.lastIndexOf('|'));
    }

    String pageId() {
        return key.substring(key.lastIndexOf('|') + 1);
    }

    private static String key(Instant due, String ticketId, String pageId) {
        return prefix(due.toEpochMilli()) + "|" + ticketId + "|" + pageId;
    }

    private static String prefix(long epochMillis) {
        return String.format("%013d", Math.max(0, epochMillis));
    }
}
