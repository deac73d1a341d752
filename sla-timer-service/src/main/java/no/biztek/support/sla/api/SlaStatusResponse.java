package no.biztek.support.sla.api;

import java.time.Instant;

/**
 * The SLA status of one ticket (SPEC §4).
 *
 * @param severity               1-3, the severity the clock measures
 * @param state                  RUNNING, MET, BREACHED or STOPPED (resolved: the clock is paused)
 * @param respondedAt            the first response, null until recorded (also recorded after a breach)
 * @param businessMinutesElapsed business minutes counted from openedAt to the first response, or to now while
 *                               none is recorded; time while the ticket was resolved does not count
 */
record SlaStatusResponse(String ticketId, String customerId, int severity, String policyVersion, Instant openedAt,
                         Instant dueAt, String state, Instant respondedAt, long businessMinutesElapsed) {
}
