package no.biztek.support.sla.api;

import java.time.Instant;

/**
 * The deadline a ticket would get (SPEC §4).
 *
 * @param dueAt         the deadline
 * @param targetMinutes the metric's target in business minutes
 * @param policyVersion the plan's policy version in force at openedAt
 * @param metric        what the deadline is for: first-response or resolution
 * @param plan          the plan it was computed under
 */
record PreviewResponse(Instant dueAt, int targetMinutes, String policyVersion, String metric, String plan) {
}
