package no.biztek.support.sla.clock;

/** Where a ticket's first-response clock stands (SPEC §4, the {@code state} of the SLA status). */
public enum ClockState {
    /** Measuring: no first response yet, deadline not passed. */
    RUNNING,
    /** First response before the deadline. */
    MET,
    /** The deadline passed without a first response. */
    BREACHED,
    /** Resolved before a first response and before the deadline; a reopen resumes measuring. */
    STOPPED;

    /** Whether the first-response verdict is final (MET or BREACHED). */
    public boolean hasVerdict() {
        return this == MET || this == BREACHED;
    }
}
