package no.biztek.support.escalation.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the monthly report needs of one ticket, as facts with their own event times (the {@link ReportLedger}'s
 * records, the input of {@link MonthlyReport}). Lists are sorted by time, then id, so the same facts always give the
 * same record, whatever order they arrived in.
 *
 * @param opening   what the ticket was opened with; null until its TicketOpened is read
 * @param openedAt  from the TicketOpened or any SLA event of the ticket; null while neither was read
 */
record TicketRecord(String ticketId, String customerId, Instant openedAt, Opening opening,
                    List<SeverityChange> severityChanges, List<Timed> held, List<Timed> resumed,
                    List<Timed> responses, List<Timed> resolutions, List<SlaFact> sla, List<Timed> paged,
                    List<Timed> acknowledged, List<VendorCase> vendorCases) {

    static final Comparator<Timed> BY_TIME = Comparator.comparing(Timed::at).thenComparing(Timed::eventId);

    /**
     * @param severity   and {@code channel} as the schema's enum names; plan null for the default plan
     * @param source     the system the ticket came from and {@code externalId} its id there: what the customer calls it
     */
    record Opening(String severity, String channel, String plan, String title, String source, String externalId) {

        /** What the customer calls the ticket: its source and id there, e.g. {@code zendesk 48213}. */
        String reference() {
            return source + " " + externalId;
        }
    }

    /** A severity change: the new severity and the policy's reason code. */
    record SeverityChange(String eventId, Instant at, String severity, String reasonCode) {
    }

    /**
     * A fact at an instant with a detail: a hold's reason, a page's id (paged/acknowledged), a responder.
     */
    record Timed(String eventId, Instant at, String detail) {
    }

    /**
     * One SLA event of the ticket.
     *
     * @param kind               MET, BREACHED, CORRECTED, PAUSED, RESUMED, STOPPED (others are not kept)
     * @param businessMinutesUsed SlaMet's and SlaCorrected's; null for the other kinds
     * @param superseded         SlaCorrected's supersededEventId
     * @param detail             SlaCorrected's kind, a pause's reason
     */
    record SlaFact(String eventId, String metric, String kind, Instant at, String severity, String policyVersion,
                   String plan, Instant dueAt, Long businessMinutesUsed, Integer targetMinutes, String superseded,
                   String detail) {
    }

    /** A vendor escalation: opened (and closed, null while open). */
    record VendorCase(String escalationId, String vendor, String caseReference, Instant openedAt, Instant closedAt) {
    }
}
