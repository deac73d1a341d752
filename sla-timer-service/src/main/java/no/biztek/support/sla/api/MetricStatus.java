package no.biztek.support.sla.api;

import java.time.Instant;

/**
 * Where one metric of a ticket's SLA stands.
 *
 * @param metric                 {@code first-response} or {@code resolution}
 * @param state                  RUNNING, PAUSED, MET, BREACHED or STOPPED (first response of a resolved ticket)
 * @param pauseReason            why it does not count (e.g. RESOLVED), null while it counts
 * @param dueAt                  the deadline in force (at a verdict: the one judged against)
 * @param businessMinutesUsed    business minutes counted up to the response or resolution, or to now; pauses excluded
 * @param plan                   the plan the ticket is measured under
 * @param policyVersion          the plan's version in force at openedAt
 */
record MetricStatus(String metric, String state, String pauseReason, Instant dueAt, long businessMinutesUsed,
                    String plan, String policyVersion) {
}
