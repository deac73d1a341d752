package no.biztek.support.escalation.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import no.biztek.support.escalation.billing.InvoiceLedger;
import no.biztek.support.escalation.report.SlaReport.Billing;
import no.biztek.support.escalation.report.SlaReport.BillingLine;
import no.biztek.support.escalation.report.SlaReport.Breach;
import no.biztek.support.escalation.report.SlaReport.Correction;
import no.biztek.support.escalation.report.SlaReport.Count;
import no.biztek.support.escalation.report.SlaReport.Hold;
import no.biztek.support.escalation.report.SlaReport.MetricSummary;
import no.biztek.support.escalation.report.SlaReport.Page;
import no.biztek.support.escalation.report.SlaReport.PausedTime;
import no.biztek.support.escalation.report.SlaReport.TicketRow;
import no.biztek.support.escalation.report.SlaReport.VendorEscalation;
import no.biztek.support.escalation.report.TicketRecord.Timed;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.Severity;

/**
 * Computes a customer's monthly SLA report from its tickets' facts: a pure function of its {@link Input}, so every
 * instance computes the same report from the same facts. Only facts with event times up to {@code upTo} count; open
 * holds and unanswered breaches are measured up to {@code measuredUntil}. See {@link TicketReading} for one ticket.
 */
final class MonthlyReport {

    /**
     * @param tickets the records of the tickets opened in the month (others are left out)
     * @param billing the month's invoice basis; null: none
     */
    record Input(String customerId, String customerName, YearMonth month, ZoneId zone, String status, Instant upTo,
                 Instant measuredUntil, Instant closesAt, List<TicketRecord> tickets,
                 InvoiceLedger.InvoiceBasis billing) {
    }

    private MonthlyReport() {
    }

    static SlaReport of(Input in, PlanCatalogue plans) {
        List<TicketRow> rows = new ArrayList<>();
        List<Breach> breaches = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        List<VendorEscalation> vendorCases = new ArrayList<>();
        Map<String, long[]> paused = new TreeMap<>();
        Map<String, Integer> bySeverity = new TreeMap<>(
                Comparator.comparingInt(MonthlyReport::severityOrder).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> byChannel = new TreeMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        int count = 0;
        for (TicketRecord ticket : in.tickets()) {
            if (ticket.openedAt() == null || ticket.openedAt().isAfter(in.upTo())
                    || !YearMonth.from(ticket.openedAt().atZone(in.zone())).equals(in.month())) {
                continue;
            }
            count++;
            TicketReading reading = new TicketReading(ticket, in.upTo(), in.measuredUntil(), plans);
            String severity = reading.openingSeverity();
            bySeverity.merge(severity, 1, Integer::sum);
            labels.putIfAbsent(severity, reading.label(severity));
            String channel = ticket.opening() == null ? "UNKNOWN" : ticket.opening().channel();
            byChannel.merge(channel, 1, Integer::sum);
            List<Hold> holds = reading.holds();
            for (Hold hold : holds) {
                long[] sum = paused.computeIfAbsent(hold.reason(), r -> new long[2]);
                sum[0]++;
                sum[1] += hold.businessMinutes();
            }
            for (String metric : reading.metrics()) {
                TicketRow row = reading.row(metric, holds);
                rows.add(row);
                reading.breach(row, holds).ifPresent(breaches::add);
                reading.facts(metric).stream().filter(f -> "CORRECTED".equals(f.kind())).forEach(f -> corrections.add(
                        new Correction(ticket.ticketId(), metric, f.detail().substring(0, f.detail().indexOf('|')),
                                f.at(), f.eventId(), f.superseded())));
            }
            pages.addAll(pages(ticket, in.upTo()));
            ticket.vendorCases().stream().filter(v -> v.openedAt() != null && !v.openedAt().isAfter(in.upTo()))
                    .forEach(v -> vendorCases.add(new VendorEscalation(ticket.ticketId(), v.escalationId(), v.vendor(),
                            v.caseReference(), v.openedAt(), v.closedAt() == null || v.closedAt().isAfter(in.upTo())
                            ? null : v.closedAt())));
        }
        List<Count> severities = bySeverity.entrySet().stream()
                .map(e -> new Count(e.getKey(), labels.get(e.getKey()), e.getValue())).toList();
        List<Count> channels = byChannel.entrySet().stream()
                .map(e -> new Count(e.getKey(), channelLabel(e.getKey()), e.getValue())).toList();
        List<PausedTime> pausedByReason = paused.entrySet().stream()
                .map(e -> new PausedTime(e.getKey(), (int) e.getValue()[0], e.getValue()[1])).toList();
        corrections.sort(Comparator.comparing(Correction::at).thenComparing(Correction::eventId));
        pages.sort(Comparator.comparing(Page::pagedAt).thenComparing(Page::pageId));
        breaches.sort(Comparator.comparing(Breach::ticketId).thenComparing(Breach::metric));
        return new SlaReport(SlaReport.FORMAT_VERSION, in.customerId(), in.customerName(), in.month().toString(),
                in.zone().getId(), in.status(), in.upTo(), in.closesAt(),
                new SlaReport.Summary(count, severities, channels), metrics(rows), List.copyOf(rows),
                List.copyOf(breaches), pausedByReason, List.copyOf(corrections), List.copyOf(pages),
                List.copyOf(vendorCases), billing(in.billing()), null);
    }

    private static List<MetricSummary> metrics(List<TicketRow> rows) {
        List<MetricSummary> summaries = new ArrayList<>();
        for (String metric : Metric.ids()) {
            List<TicketRow> of = rows.stream().filter(r -> r.metric().equals(metric)).toList();
            if (of.isEmpty() && !metric.equals(Metric.FIRST_RESPONSE.id())) {
                continue;
            }
            int met = (int) of.stream().filter(r -> "MET".equals(r.verdict())).count();
            int breached = (int) of.stream().filter(r -> "BREACHED".equals(r.verdict())).count();
            int open = (int) of.stream().filter(r -> "OPEN".equals(r.verdict())).count();
            List<Long> used = of.stream().filter(r -> r.businessMinutesUsed() != null
                    && ("MET".equals(r.verdict()) || "BREACHED".equals(r.verdict())))
                    .map(TicketRow::businessMinutesUsed).sorted().toList();
            summaries.add(new MetricSummary(metric, of.size(), met, breached, open, of.size() - met - breached - open,
                    share(met, breached), median(used), p90(used)));
        }
        return summaries;
    }

    /** met / (met + breached), 4 decimals half up; null when neither. */
    static Double share(int met, int breached) {
        return met + breached == 0 ? null
                : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(met + breached), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The middle of the sorted values, the mean of the middle two for an even count; null for none. */
    static Double median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Nearest rank: the ⌈0.9·n⌉-th smallest of the sorted values; null for none. */
    static Long p90(List<Long> sorted) {
        int n = sorted.size();
        return n == 0 ? null : sorted.get((int) Math.ceil(0.9 * n) - 1);
    }

    /** The ticket's severity-1 pages by {@code upTo}: the first paging of each page and its first acknowledgement. */
    private static List<Page> pages(TicketRecord ticket, Instant upTo) {
        Map<String, Instant> paged = new LinkedHashMap<>();
        for (Timed p : ticket.paged()) {
            String[] idAndSeverity = p.detail().split("\\|", 2);
            if (!p.at().isAfter(upTo) && Severity.CRITICAL.name().equals(idAndSeverity[1])) {
                paged.putIfAbsent(idAndSeverity[0], p.at());
            }
        }
        List<Page> pages = new ArrayList<>();
        paged.forEach((pageId, at) -> {
            Instant ack = ticket.acknowledged().stream().filter(a -> a.detail().equals(pageId) && !a.at().isAfter(upTo))
                    .map(Timed::at).findFirst().orElse(null);
            pages.add(new Page(ticket.ticketId(), pageId, at, ack,
                    ack == null ? null : Duration.between(at, ack).toMinutes()));
        });
        return pages;
    }

    private static Billing billing(InvoiceLedger.InvoiceBasis basis) {
        if (basis == null) {
            return new Billing("NOK", 0, 0, 0, BigDecimal.ZERO.setScale(2), List.of());
        }
        return new Billing(basis.currency(), basis.totals().entries(), basis.totals().workedMinutes(),
                basis.totals().billedMinutes(), basis.totals().amountNok(), basis.lines().stream()
                .map(l -> new BillingLine(l.entryId(), l.ticketId(), l.vendor(), l.consultant(), l.startedAt(),
                        l.endedAt(), l.billedMinutes(), l.amountNok())).toList());
    }

    private static int severityOrder(String code) {
        try {
            return Severity.valueOf(code).level();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String channelLabel(String channel) {
        String lower = channel.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
