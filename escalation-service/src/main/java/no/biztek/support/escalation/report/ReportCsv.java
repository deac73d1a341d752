package no.biztek.support.escalation.report;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A report as CSV, in two documents: {@link #tickets} one row per ticket and metric with the columns a desk pivots on
 * (the default), and {@link #summary} one row per metric. Values that could start a formula are prefixed with an
 * apostrophe (CSV injection), every value is quoted when it holds a comma, quote or line break.
 */
final class ReportCsv {

    private ReportCsv() {
    }

    static String tickets(SlaReport report) {
        StringBuilder csv = new StringBuilder("customerId,month,status,ticketId,reference,title,openedAt,severity,severityName,channel,"
                + "plan,metric,verdict,businessMinutesUsed,targetMinutes,dueAt,heldBusinessMinutes,severityChanges,"
                + "decidedAt\r\n");
        for (SlaReport.TicketRow r : report.tickets()) {
            line(csv, report.customerId(), report.month(), report.status(), r.ticketId(), r.reference(), r.title(), r.openedAt(), r.severity(),
                    r.severityLabel(), r.channel(), r.plan(), r.metric(), r.verdict(), r.businessMinutesUsed(),
                    r.targetMinutes(), r.dueAt(), r.heldBusinessMinutes(), r.severityChanges(), r.decidedAt());
        }
        return csv.toString();
    }

    static String summary(SlaReport report) {
        StringBuilder csv = new StringBuilder("customerId,month,status,metric,tickets,met,breached,open,notMeasured,"
                + "shareMet,medianBusinessMinutes,p90BusinessMinutes,billedMinutes,amountNok\r\n");
        for (SlaReport.MetricSummary m : report.metrics()) {
            line(csv, report.customerId(), report.month(), report.status(), m.metric(), m.tickets(), m.met(),
                    m.breached(), m.open(), m.notMeasured(), m.shareMet(), m.medianBusinessMinutes(),
                    m.p90BusinessMinutes(), report.billing().billedMinutes(), report.billing().amountNok());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, Object... values) {
        csv.append(Stream.of(values).map(ReportCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && List.of('=', '+', '-', '@', '\t', '\r').contains(text.charAt(0))
                && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
