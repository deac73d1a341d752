package no.biztek.support.escalation.board;

import java.time.Instant;

/**
 * One running SLA clock as the board shows it: a ticket's clock of one metric, as the SLA timer last announced it.
 *
 * @param dueAt                  the deadline in force (while paused: the one in force when it paused)
 * @param paused                 the clock is paused (then {@code pauseReason} and {@code businessMinutesElapsed} hold)
 * @param pauseReason            the policy's pause reason code, e.g. {@code WAITING_ON_CUSTOMER}
 * @param businessMinutesElapsed business minutes counted when it paused
 * @param targetMinutes          the target in business minutes; 0 when no event named it
 * @param warningPercent         the highest warning threshold the SLA timer announced (0: none)
 * @param breached               the deadline passed and no correction withdrew the breach
 * @param asOf                   the own time of the last event folded in
 */
record BoardClock(String ticketId, String metric, String customerId, String severity, String plan,
                  String policyVersion, Instant openedAt, Instant dueAt, boolean paused, String pauseReason,
                  long businessMinutesElapsed, int targetMinutes, int warningPercent, boolean breached,
                  Instant asOf) {

    /** The board's id of the clock: {@code ticketId|metric}. */
    String id() {
        return id(ticketId, metric);
    }

    static String id(String ticketId, String metric) {
        return ticketId + "|" + metric;
    }
}
