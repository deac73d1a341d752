package no.biztek.support.sla.api;

import java.time.Instant;

/**
 * The first-response deadline a ticket would get (SPEC §4).
 *
 * @param dueAt         the deadline
 * @param targetMinutes the first-response target in business minutes
 * @param policyVersion the policy version in force at openedAt
 */
record PreviewResponse(Instant dueAt, int targetMinutes, String policyVersion) {
}
