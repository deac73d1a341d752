package no.biztek.support.escalation.schedule;

import java.time.Instant;
import java.time.ZoneOffset;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.PagingProperties.Engineer;

/**
 * An override on the schedule topic: from {@code from} (inclusive) to {@code to} (exclusive) {@code engineer} is on
 * call at the rotation position {@code rotationOffset} (0: the engineer on call, 1: the secondary ...).
 *
 * @param kind      SWAP or COVER (why; whom it pages is the same rule)
 * @param replaces  e-mail of whom the engineer replaced when the override was made (null: unknown)
 * @param updatedBy the API token's name, or "configuration" for the seed
 */
record ScheduledOverride(String id, String kind, int rotationOffset, Instant from, Instant to, Engineer engineer,
                         String replaces, String note, String updatedBy, Instant updatedAt) {

    /** The override as the paging rules read it. */
    PagingProperties.Override asOverride() {
        return new PagingProperties.Override(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), engineer,
                rotationOffset);
    }

    boolean inForceAt(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
