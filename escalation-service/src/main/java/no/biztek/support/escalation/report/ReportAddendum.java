package no.biztek.support.escalation.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import no.biztek.support.escalation.report.SlaReport.BillingLine;
import no.biztek.support.escalation.report.SlaReport.Change;
import no.biztek.support.escalation.report.SlaReport.Correction;
import no.biztek.support.escalation.report.SlaReport.TicketRow;

/**
 * What the facts say now that differs from a closed month's snapshot: computed, never stored, so every instance
 * gives the same addendum after any restart. Per ticket and metric a changed verdict or business time (a breach
 * that was not in the snapshot is a LATE_BREACH), a ticket not in the snapshot, every correction not in it, every
 * billing line not in it or with another amount. Each change names the event time of the fact behind it: the
 * verdict's (for a row), the correction's, the ticket's opening, the billing line's end.
 */
final class ReportAddendum {

    private ReportAddendum() {
    }

    static SlaReport.Addendum between(SlaReport snapshot, SlaReport now) {
        List<Change> changes = new ArrayList<>();
        Map<String, TicketRow> before = snapshot.tickets().stream()
                .collect(Collectors.toMap(ReportAddendum::key, Function.identity()));
        for (TicketRow row : now.tickets()) {
            TicketRow was = before.get(key(row));
            if (was == null) {
                changes.add(new Change("LATE_TICKET", row.ticketId(), row.metric(), null, null, row.verdict(),
                        row.businessMinutesUsed(), null, row.openedAt()));
            } else if (!was.verdict().equals(row.verdict())
                    || !Objects.equals(was.businessMinutesUsed(), row.businessMinutesUsed())) {
                String kind = "BREACHED".equals(row.verdict()) && !"BREACHED".equals(was.verdict()) ? "LATE_BREACH"
                        : "VERDICT_CHANGED";
                changes.add(new Change(kind, row.ticketId(), row.metric(), was.verdict(), was.businessMinutesUsed(),
                        row.verdict(), row.businessMinutesUsed(), null,
                        row.decidedAt() != null ? row.decidedAt() : row.openedAt()));
            }
        }
        Set<String> corrected = snapshot.corrections().stream().map(Correction::eventId).collect(Collectors.toSet());
        now.corrections().stream().filter(c -> !corrected.contains(c.eventId())).forEach(c -> changes.add(
                new Change("CORRECTION", c.ticketId(), c.metric(), null, null, c.kind(), null, null, c.at())));
        Map<String, BillingLine> billed = snapshot.billing().lines().stream()
                .collect(Collectors.toMap(BillingLine::entryId, Function.identity()));
        for (BillingLine line : now.billing().lines()) {
            BillingLine was = billed.get(line.entryId());
            if (was == null || was.amountNok().compareTo(line.amountNok()) != 0
                    || was.billedMinutes() != line.billedMinutes()) {
                changes.add(new Change("LATE_BILLING_LINE", line.ticketId(), null, null,
                        was == null ? null : was.billedMinutes(), null, line.billedMinutes(), line.amountNok(),
                        line.endedAt()));
            }
        }
        changes.sort(Comparator.comparing(Change::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                .thenComparing(Change::ticketId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Change::kind));
        return new SlaReport.Addendum(List.copyOf(changes));
    }

    private static String key(TicketRow row) {
        return row.ticketId() + "|" + row.metric();
    }
}
