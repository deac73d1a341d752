package no.biztek.support.escalation.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import no.biztek.support.escalation.api.Problems;
import no.biztek.support.escalation.billing.InvoiceLedger;
import no.biztek.support.escalation.facts.CustomerContacts;
import no.biztek.support.policy.PlanCatalogue;

/**
 * Which report a customer and month get: an open month live ({@code provisional}); a closed month its snapshot plus the
 * addendum computed from the facts now; a closed month without a snapshot (no instance has written it yet) computed
 * as its snapshot would be ({@code final-computed}). Unknown customers and months not begun are 404, months whose
 * facts are dropped and that have no snapshot 410.
 */
@Component
class ReportService {

    private final ReportLedger ledger;
    private final ReportSnapshots snapshots;
    private final InvoiceLedger invoices;
    private final CustomerContacts customers;
    private final MonthClose months;
    private final PlanCatalogue plans;
    private final Clock clock;

    ReportService(ReportLedger ledger, ReportSnapshots snapshots, InvoiceLedger invoices, CustomerContacts customers,
                  MonthClose months, PlanCatalogue plans, Clock clock) {
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.invoices = invoices;
        this.customers = customers;
        this.months = months;
        this.plans = plans;
        this.clock = clock;
    }

    /** 404 for a customer nobody knows or a month not begun (checked before anything is computed). */
    void check(String customerId, YearMonth month) {
        if (!customers.name(customerId).isPresent() && !ledger.knows(customerId) && !snapshots.knows(customerId)) {
            throw Problems.notFound("No customer '" + customerId + "' is known.");
        }
        if (!months.hasBegun(month, clock.instant())) {
            throw Problems.notFound("The month " + month + " has not begun: it has no report yet.");
        }
    }

    SlaReport report(String customerId, YearMonth month) {
        check(customerId, month);
        Instant now = clock.instant();
        if (!months.isClosed(month, now)) {
            return compute(customerId, month, "provisional", now, now);
        }
        Instant close = months.closeOf(month);
        boolean kept = !month.isBefore(ledger.earliestKept());
        Optional<SlaReport> snapshot = snapshots.report(customerId, month);
        if (snapshot.isPresent()) {
            return kept ? snapshot.get().withStatus("final", ReportAddendum.between(snapshot.get(),
                    compute(customerId, month, "final", now, close))) : snapshot.get().withStatus("final", null);
        }
        if (!kept) {
            throw Problems.of(HttpStatus.GONE, "The report of " + month + " is no longer kept: its facts were dropped "
                    + "after support.escalation.reports.addendum-window and no snapshot of it was written.");
        }
        SlaReport asAtClose = compute(customerId, month, "final-computed", close, close);
        return asAtClose.withStatus("final-computed",
                ReportAddendum.between(asAtClose, compute(customerId, month, "final", now, close)));
    }

    /** The snapshot of a closed month: the facts with event times up to its close. */
    SlaReport snapshot(String customerId, YearMonth month) {
        Instant close = months.closeOf(month);
        return compute(customerId, month, "final", close, close);
    }

    private SlaReport compute(String customerId, YearMonth month, String status, Instant upTo, Instant measuredUntil) {
        return MonthlyReport.of(new MonthlyReport.Input(customerId, customers.name(customerId).orElse(null), month,
                months.zone(), status, upTo, measuredUntil, months.closeOf(month), ledger.records(customerId, month),
                invoices.keeps(month) ? invoices.basis(customerId, month) : null), plans);
    }
}
