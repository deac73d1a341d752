package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

import no.biztek.support.notification.compose.Draft;

/**
 * A notification waiting for data it needs (its ticket, or its customer), since {@code parkedAt}.
 *
 * @param sequence the order in which the ticket's notifications were decided (several may share a millisecond),
 *                 so that they are sent in that order
 */
public record ParkedDraft(Draft draft, Instant parkedAt, Long sequence) {

    /** Oldest decision first; within a ticket, in the order decided. */
    public static final Comparator<ParkedDraft> DECISION_ORDER = Comparator
            .comparing((ParkedDraft p) -> p.draft().issuedAt())
            .thenComparing(ParkedDraft::sequence);

    public ParkedDraft {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(parkedAt, "parkedAt");
        sequence = sequence == null ? 0L : sequence;
    }
}
