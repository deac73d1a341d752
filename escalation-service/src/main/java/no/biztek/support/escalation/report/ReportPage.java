package no.biztek.support.escalation.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import org.springframework.web.util.HtmlUtils;

import no.biztek.support.escalation.facts.Labels;

/**
 * A report as a printable HTML page for the customer: headings in English, times in the report zone, severities by the
 * policy's names, durations as "3 h 20 min". No JavaScript, no external assets (the answer's Content-Security-Policy
 * forbids them); every value is escaped. The print stylesheet gives A4 pages, each section on a new page and table
 * headers repeated, so the browser's "Save as PDF" makes a clean document.
 */
final class ReportPage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors 'none'";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff}
            main{max-width:64rem;margin:0 auto;padding:1.5rem}
            h1{font-size:1.7rem;margin:0 0 .25rem}
            h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #1b1f24;padding-bottom:.2rem}
            .meta{color:#59626d;margin:0 0 1rem}
            .status{display:inline-block;padding:.15rem .6rem;border-radius:1rem;background:#dfe3e8;font-weight:600}
            .status.provisional{background:#fff4e0}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem}
            .card{border:1px solid #d0d4d9;border-radius:.5rem;padding:.6rem .9rem;min-width:12rem}
            .card b{display:block;font-size:1.4rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d0d4d9;vertical-align:top}
            th{background:#f4f5f7}
            td.n,th.n{text-align:right}
            .empty{color:#59626d;font-style:italic}
            @page{size:A4;margin:15mm}
            @media print{body{font-size:10pt}main{max-width:none;padding:0}
            h2{break-before:page}thead{display:table-header-group}tr{break-inside:avoid}}
            """;

    private ReportPage() {
    }

    static String render(SlaReport r) {
        StringBuilder h = new StringBuilder();
        String who = r.customerName() != null ? r.customerName() : r.customerId();
        h.append("<h1>SLA report ").append(e(monthName(r.month()))).append("</h1>");
        h.append("<p class=\"meta\">").append(e(who)).append(" (").append(e(r.customerId())).append(") · ")
                .append("<span class=\"status ").append(e(r.status())).append("\">").append(e(statusText(r)))
                .append("</span> · times in ").append(e(r.zone())).append("</p>");
        h.append("<h2 id=\"summary\">Summary</h2><div class=\"cards\">");
        card(h, "Tickets opened", String.valueOf(r.summary().tickets()));
        for (SlaReport.MetricSummary m : r.metrics()) {
            card(h, metricName(m.metric()) + " met", m.shareMet() == null ? "no verdicts"
                    : Math.round(m.shareMet() * 1000) / 10.0 + " %");
        }
        card(h, "Billable time", duration(r.billing().billedMinutes()));
        card(h, "Billed amount", r.billing().amountNok() + " " + r.billing().currency());
        h.append("</div>");
        table(h, "By severity", List.of("Severity", "Tickets"), r.summary().bySeverity(),
                c -> List.of(c.label(), String.valueOf(c.tickets())));
        table(h, "By channel", List.of("Channel", "Tickets"), r.summary().byChannel(),
                c -> List.of(c.label(), String.valueOf(c.tickets())));
        h.append("<h2 id=\"metrics\">Response and resolution times</h2>");
        table(h, null, List.of("Metric", "Tickets", "Met", "Breached", "Open" + (r.status().startsWith("final")
                ? " at close" : ""), "Share met", "Median business time", "90th percentile"), r.metrics(),
                m -> List.of(metricName(m.metric()), "" + m.tickets(), "" + m.met(), "" + m.breached(), "" + m.open(),
                        m.shareMet() == null ? "–" : Math.round(m.shareMet() * 1000) / 10.0 + " %",
                        m.medianBusinessMinutes() == null ? "–" : duration(Math.round(m.medianBusinessMinutes())),
                        m.p90BusinessMinutes() == null ? "–" : duration(m.p90BusinessMinutes())));
        h.append("<h2 id=\"tickets\">Tickets</h2>");
        table(h, null, List.of("Ticket", "Opened", "Severity", "Channel", "Metric", "Result", "Business time used",
                "Target"), r.tickets(), t -> List.of(t.title() == null ? t.reference() : t.reference() + " · " + t.title(),
                time(t.openedAt()), t.severityLabel(),
                t.channel() == null ? "–" : reason(t.channel()), metricName(t.metric()), verdict(t.verdict(), r),
                t.businessMinutesUsed() == null ? "–" : duration(t.businessMinutesUsed()),
                t.targetMinutes() == null ? "–" : duration(t.targetMinutes())));
        h.append("<h2 id=\"breaches\">Breaches</h2>");
        table(h, null, List.of("Ticket", "Metric", "Severity", "Plan", "Due", "Business time used", "Severity history",
                "Holds"), r.breaches(), b -> List.of(r.reference(b.ticketId()), metricName(b.metric()), b.severityLabel(), b.plan(),
                b.dueAt() == null ? "–" : time(b.dueAt()), b.businessMinutesUsed() == null ? "–"
                        : duration(b.businessMinutesUsed()) + " of " + duration(b.targetMinutes() == null ? 0
                        : b.targetMinutes()), history(b.severityHistory()), holds(b.holds())));
        h.append("<h2 id=\"holds\">Paused time</h2>");
        table(h, null, List.of("Reason", "Holds", "Business time"), r.pausedByReason(),
                p -> List.of(reason(p.reason()), "" + p.holds(), duration(p.businessMinutes())));
        table(h, "Corrections", List.of("Ticket", "Metric", "Correction", "At"), r.corrections(),
                c -> List.of(r.reference(c.ticketId()), metricName(c.metric()), reason(c.kind()), time(c.at())));
        h.append("<h2 id=\"escalations\">Escalations</h2>");
        table(h, "Severity 1 pages", List.of("Ticket", "Paged", "Acknowledged", "Time to acknowledge"), r.pages(),
                p -> List.of(r.reference(p.ticketId()), time(p.pagedAt()), p.acknowledgedAt() == null ? "not acknowledged"
                        : time(p.acknowledgedAt()), p.minutesToAcknowledge() == null ? "–"
                        : duration(p.minutesToAcknowledge())));
        table(h, "Vendor escalations", List.of("Ticket", "Vendor", "Vendor case", "Opened", "Closed"),
                r.vendorEscalations(), v -> List.of(r.reference(v.ticketId()), reason(v.vendor()), v.caseReference(), time(v.openedAt()),
                        v.closedAt() == null ? "open" : time(v.closedAt())));
        h.append("<h2 id=\"billing\">Billable time</h2>");
        table(h, null, List.of("Ticket", "Vendor", "Consultant", "Started", "Billed", "Amount (NOK)"),
                r.billing().lines(), l -> List.of(r.reference(l.ticketId()), reason(l.vendor()), l.consultant(),
                        time(l.startedAt()), duration(l.billedMinutes()), l.amountNok().toPlainString()));
        if (r.addendum() != null) {
            h.append("<h2 id=\"addendum\">Addendum: changes after the close</h2>");
            table(h, null, List.of("What", "Ticket", "Metric", "Before", "Now", "At"), r.addendum().changes(),
                    c -> List.of(reason(c.kind()), r.reference(c.ticketId()), c.metric() == null ? "–"
                            : metricName(c.metric()), state(c.before(), c.beforeMinutes(), r),
                            c.amountNok() != null ? duration(c.afterMinutes()) + ", " + c.amountNok() + " NOK"
                                    : state(c.after(), c.afterMinutes(), r), c.at() == null ? "–" : time(c.at())));
        }
        return page("SLA report " + monthName(r.month()) + " – " + who, h.toString());
    }

    static String message(String title, String text) {
        return page(title, "<h1>" + e(title) + "</h1><p>" + e(text) + "</p>");
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + e(title) + "</title><style>" + STYLE
                + "</style></head><body><main>" + body + "</main></body></html>";
    }

    private static void card(StringBuilder h, String label, String value) {
        h.append("<div class=\"card\">").append(e(label)).append("<b>").append(e(value)).append("</b></div>");
    }

    private static <T> void table(StringBuilder h, String caption, List<String> heads, List<T> rows,
                                  Function<T, List<String>> cells) {
        if (caption != null) {
            h.append("<h3>").append(e(caption)).append("</h3>");
        }
        if (rows.isEmpty()) {
            h.append("<p class=\"empty\">None.</p>");
            return;
        }
        h.append("<table><thead><tr>");
        heads.forEach(head -> h.append("<th scope=\"col\">").append(e(head)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (T row : rows) {
            h.append("<tr>");
            cells.apply(row).forEach(cell -> h.append("<td>").append(e(cell)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** e.g. "3 h 20 min", "45 min", "0 min". */
    static String duration(long minutes) {
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours == 0 ? rest + " min" : rest == 0 ? hours + " h" : hours + " h " + rest + " min";
    }

    static String time(Instant instant) {
        return Labels.time(instant, OSLO);
    }

    private static String history(List<SlaReport.SeverityStep> steps) {
        StringBuilder text = new StringBuilder();
        for (SlaReport.SeverityStep s : steps) {
            text.append(text.isEmpty() ? "" : " → ").append(s.label());
            if (s.reasonCode() != null) {
                text.append(" (").append(reason(s.reasonCode())).append(", ").append(time(s.at())).append(")");
            }
        }
        return text.toString();
    }

    private static String holds(List<SlaReport.Hold> holds) {
        return holds.isEmpty() ? "–" : String.join("; ", holds.stream().map(x -> reason(x.reason()) + " "
                + duration(x.businessMinutes())).toList());
    }

    private static String state(String verdict, Long minutes, SlaReport r) {
        if (verdict == null) {
            return minutes == null ? "–" : duration(minutes);
        }
        String words = List.of("MET", "BREACHED", "OPEN", "NOT_MEASURED").contains(verdict) ? verdict(verdict, r)
                : reason(verdict);
        return minutes == null ? words : words + ", " + duration(minutes);
    }

    private static String verdict(String verdict, SlaReport r) {
        return switch (verdict) {
            case "MET" -> "Met";
            case "BREACHED" -> "Breached";
            case "NOT_MEASURED" -> "Not measured (resolved without a response)";
            default -> r.status().startsWith("final") ? "Open at close" : "Open";
        };
    }

    private static String metricName(String metric) {
        return "first-response".equals(metric) ? "First response" : "resolution".equals(metric) ? "Resolution" : metric;
    }

    /** A code as words: WAITING_ON_CUSTOMER → "Waiting on customer". */
    private static String reason(String code) {
        String words = String.valueOf(code).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String monthName(String month) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        return m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + m.getYear();
    }

    private static String statusText(SlaReport r) {
        return switch (r.status()) {
            case "provisional" -> "Provisional: the month is not closed";
            case "final" -> "Final, closed " + time(r.closesAt());
            default -> "Final (computed as at the close " + time(r.closesAt()) + ")";
        };
    }

    private static String e(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
