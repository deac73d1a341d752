package no.biztek.support.notification.pipeline;

import java.time.Instant;
import java.util.Objects;

import no.biztek.support.notification.compose.Draft;

/** A notification waiting for data it needs (its ticket, or its customer), since {@code parkedAt}. */
public record ParkedDraft(Draft draft, Instant parkedAt) {

    public ParkedDraft {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(parkedAt, "parkedAt");
    }
}
