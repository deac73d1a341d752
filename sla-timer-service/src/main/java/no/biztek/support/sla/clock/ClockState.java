package no.biztek.support.sla.clock;

/** Where a ticket's first-response clock stands (SPEC §4, the {@code state} of the SLA status). */
public enum ClockState {
    /** Measuring: no first response yet, deadline not passed. */
    RUNNING,
    /** First response before the deadline. */
    MET,
    /** The deadline passed without a first response. */
    BREACHED,
    /** Paused because the ticket is resolved (before a first response and its deadline); a reopen resumes it. */
    STOPPED;

    /** Whether the clock has a verdict (MET or BREACHED); a late fact can still correct it. */
    public boolean hasVerdict() {
        return this == MET || this == BREACHED;
    }
}
