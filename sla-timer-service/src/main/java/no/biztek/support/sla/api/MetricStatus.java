package no.biztek.support.sla.api;

import java.time.Instant;
import java.util.Map;

/**
 * Where one metric of a ticket's SLA stands.
 *
 * @param metric                 {@code first-response} or {@code resolution}
 * @param state                  RUNNING, PAUSED (held), MET, BREACHED or STOPPED (resolved)
 * @param pauseReason            why it does not count (RESOLVED, or a hold's reason such as WAITING_ON_CUSTOMER),
 *                               null while it counts
 * @param dueAt                  the deadline in force (at a verdict: the one judged against)
 * @param businessMinutesUsed    business minutes counted up to the response or resolution, or to now; pauses excluded
 * @param plan                   the plan the ticket is measured under
 * @param policyVersion          the plan's version in force at openedAt
 * @param pausedBusinessMinutes  business minutes paused so far, per reason (up to the response or resolution)
 */
record MetricStatus(String metric, String state, String pauseReason, Instant dueAt, long businessMinutesUsed,
                    String plan, String policyVersion, Map<String, Long> pausedBusinessMinutes) {

    MetricStatus {
        pausedBusinessMinutes = Map.copyOf(pausedBusinessMinutes);
    }

    MetricStatus(String metric, String state, String pauseReason, Instant dueAt, long businessMinutesUsed,
                 String plan, String policyVersion) {
        this(metric, state, pauseReason, dueAt, businessMinutesUsed, plan, policyVersion, Map.of());
    }
}
