package no.biztek.support.notification.cause;

import java.util.Comparator;

import no.biztek.support.notification.compose.Draft;

/** A notification that waits in the awaiting store under {@code key} (the rules only hand the key back to delete it). */
record Waiting(String key, ParkedDraft parked) {

    /** Oldest decision first; within a ticket, in the order decided. */
    static final Comparator<Waiting> DECISION_ORDER = Comparator.comparing(Waiting::parked, ParkedDraft.DECISION_ORDER);

    Draft draft() {
        return parked.draft();
    }
}
