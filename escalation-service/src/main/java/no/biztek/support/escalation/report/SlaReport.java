package no.biztek.support.escalation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The monthly SLA report of one customer and month, as one record tree: JSON, CSV and HTML are renderings of it, and
 * a closed month's snapshot is this tree as JSON (format {@link #FORMAT_VERSION}). Minutes are business minutes on the
 * clock's calendar unless named otherwise; instants are UTC (the renderings for people show Europe/Oslo).
 *
 * @param status   {@code provisional} (the month is open, computed live), {@code final} (the snapshot written at the
 *                 close) or {@code final-computed} (a closed month without a snapshot on the topic: computed as the
 *                 snapshot would have been)
 * @param asOf     the facts are those with event times up to this instant (the close for a final report)
 * @param addendum what the facts say now that differs from the snapshot; null outside a closed month
 */
public record SlaReport(int formatVersion, String customerId, String customerName, String month, String zone,
                        String status, Instant asOf, Instant closesAt, Summary summary, List<MetricSummary> metrics,
                        List<TicketRow> tickets, List<Breach> breaches, List<PausedTime> pausedByReason,
                        List<Correction> corrections, List<Page> pages, List<VendorEscalation> vendorEscalations,
                        Billing billing, Addendum addendum) {

    public static final int FORMAT_VERSION = 1;

    SlaReport withStatus(String newStatus, Addendum newAddendum) {
        return new SlaReport(formatVersion, customerId, customerName, month, zone, newStatus, asOf, closesAt, summary,
                metrics, tickets, breaches, pausedByReason, corrections, pages, vendorEscalations, billing,
                newAddendum);
    }

    /** Tickets opened in the month, by a code (severity or channel) with its label. */
    /** What the customer calls a ticket of this report (its source and id there); the ticket id when unknown. */
    public String reference(String ticketId) {
        if (ticketId == null) {
            return "–";
        }
        return tickets.stream().filter(t -> ticketId.equals(t.ticketId())).map(TicketRow::reference).findFirst()
                .orElse(ticketId);
    }

    public record Count(String code, String label, int tickets) {
    }

    public record Summary(int tickets, List<Count> bySeverity, List<Count> byChannel) {
    }

    /**
     * One metric over the month's tickets.
     *
     * @param shareMet                met / (met + breached), 4 decimals; null when no verdict was given
     * @param medianBusinessMinutes   over every verdict (met and breached); the mean of the middle two for an even count
     * @param p90BusinessMinutes      nearest rank: the ⌈0.9·n⌉-th smallest
     */
    public record MetricSummary(String metric, int tickets, int met, int breached, int open, int notMeasured,
                                Double shareMet, Double medianBusinessMinutes, Long p90BusinessMinutes) {
    }

    /**
     * One ticket and metric, the CSV's rows.
     *
     * @param verdict             MET, BREACHED, OPEN (no verdict yet; "open at close" in a final report) or
     *                            NOT_MEASURED (resolved without a response)
     * @param businessMinutesUsed null while open
     */
    public record TicketRow(String ticketId, String reference, String title, Instant openedAt, String severity, String severityLabel, String channel,
                            String plan, String metric, String verdict, Long businessMinutesUsed,
                            Integer targetMinutes, Instant dueAt, long heldBusinessMinutes, int severityChanges,
                            Instant decidedAt) {
    }

    public record Breach(String ticketId, String metric, String severity, String severityLabel, String plan,
                         Instant breachedAt, Instant dueAt, Long businessMinutesUsed, Integer targetMinutes,
                         List<SeverityStep> severityHistory, List<Hold> holds) {
    }

    /** The ticket's severity from an instant: its opening (reasonCode null), then every change. */
    public record SeverityStep(Instant at, String severity, String label, String reasonCode) {
    }

    /** @param to null while the hold lasts */
    public record Hold(String reason, Instant from, Instant to, long businessMinutes) {
    }

    public record PausedTime(String reason, int holds, long businessMinutes) {
    }

    public record Correction(String ticketId, String metric, String kind, Instant at, String eventId,
                             String supersededEventId) {
    }

    /** A severity-1 page; {@code minutesToAcknowledge} is wall-clock time (pages go out around the clock). */
    public record Page(String ticketId, String pageId, Instant pagedAt, Instant acknowledgedAt,
                       Long minutesToAcknowledge) {
    }

    public record VendorEscalation(String ticketId, String escalationId, String vendor, String caseReference,
                                   Instant openedAt, Instant closedAt) {
    }

    /** The invoice basis of the month (billing's own month rule), as in {@code /invoice-basis}. */
    public record Billing(String currency, int entries, long workedMinutes, long billedMinutes, BigDecimal amountNok,
                          List<BillingLine> lines) {
    }

    public record BillingLine(String entryId, String ticketId, String vendor, String consultant, Instant startedAt,
                              Instant endedAt, long billedMinutes, BigDecimal amountNok) {
    }

    /** What changed since the snapshot, oldest first. */
    public record Addendum(List<Change> changes) {
    }

    /**
     * One difference between the snapshot and the facts now.
     *
     * @param kind    VERDICT_CHANGED, LATE_BREACH, CORRECTION, LATE_TICKET or LATE_BILLING_LINE
     * @param before  the snapshot's verdict (MET, BREACHED, OPEN, NOT_MEASURED); null for what it did not have
     * @param after   the verdict now; for a CORRECTION its kind (e.g. BREACH_WITHDRAWN); null for a billing line
     * @param beforeMinutes business minutes used in the snapshot (billed minutes for a billing line)
     * @param afterMinutes  business minutes used now (billed minutes for a billing line)
     * @param amountNok     a billing line's amount now
     * @param at      the event time of the fact that changed it
     */
    public record Change(String kind, String ticketId, String metric, String before, Long beforeMinutes,
                         String after, Long afterMinutes, BigDecimal amountNok, Instant at) {
    }
}
