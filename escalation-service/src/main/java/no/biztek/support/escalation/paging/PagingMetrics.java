package no.biztek.support.escalation.paging;

import java.time.Duration;

/** What the paging topology reports: pages sent per level, how long acknowledgements took, withdrawn pages. */
public interface PagingMetrics {

    PagingMetrics NONE = new PagingMetrics() {
        @Override
        public void paged(int level) {
        }

        @Override
        public void acknowledged(int level, Duration sincePaged) {
        }

        @Override
        public void withdrawn() {
        }
    };

    /** A page (first or re-escalated) went out at the level. */
    void paged(int level);

    /** An open page was acknowledged, {@code sincePaged} after it was first paged. */
    void acknowledged(int level, Duration sincePaged);

    /** A page was withdrawn: the SLA breach that caused it was corrected away. */
    void withdrawn();
}
