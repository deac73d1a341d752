package no.biztek.support.sla.api;

import java.time.Instant;
import java.util.List;

/**
 * The SLA status of one ticket (SPEC §4). The top-level fields are its first-response clock, as they always were;
 * {@code metrics} has every metric the ticket is measured for.
 *
 * @param severity               1-3, the severity the clock measures
 * @param state                  RUNNING, MET, BREACHED or STOPPED (resolved: the clock is paused)
 * @param respondedAt            the first response, null until recorded (also recorded after a breach)
 * @param businessMinutesElapsed business minutes counted from openedAt to the first response, or to now while
 *                               none is recorded; time while the ticket was resolved does not count
 * @param metrics                every metric measured, first response first (null from instances before it existed)
 */
record SlaStatusResponse(String ticketId, String customerId, int severity, String policyVersion, Instant openedAt,
                         Instant dueAt, String state, Instant respondedAt, long businessMinutesElapsed,
                         List<MetricStatus> metrics) {
}
