package no.biztek.support.escalation.billing;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The invoice basis as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break): a header, one row per entry, and a totals row whose {@code row} column
 * says TOTAL. Amounts have a decimal point and two decimals; times are UTC ISO-8601.
 */
final class InvoiceCsv {

    static final List<String> HEADER = List.of("row", "customerId", "month", "entryId", "escalationId", "ticketId",
            "vendor", "consultant", "startedAt", "endedAt", "workedMinutes", "billedMinutes", "afterHoursMinutes",
            "amountNok", "termsSource", "policyVersion", "vendorEscalationIncluded", "billingIncrementMinutes",
            "hourlyRateNok", "afterHoursMultiplier");

    private InvoiceCsv() {
    }

    static String write(InvoiceLedger.InvoiceBasis basis) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER.stream());
        for (InvoiceLedger.Line line : basis.lines()) {
            row(csv, Stream.of("ENTRY", basis.customerId(), basis.month().toString(), line.entryId(),
                    line.escalationId(), line.ticketId(), line.vendor(), line.consultant(), line.startedAt().toString(),
                    line.endedAt().toString(), Long.toString(line.workedMinutes()), Long.toString(line.billedMinutes()),
                    Long.toString(line.afterHoursMinutes()), line.amountNok().toPlainString(), line.termsSource(),
                    line.policyVersion(), Boolean.toString(line.vendorEscalationIncluded()),
                    Integer.toString(line.billingIncrementMinutes()), line.hourlyRateNok().toPlainString(),
                    line.afterHoursMultiplier().toPlainString()));
        }
        InvoiceLedger.Totals totals = basis.totals();
        row(csv, Stream.of("TOTAL", basis.customerId(), basis.month().toString(), "", "", "", "", "", "", "",
                Long.toString(totals.workedMinutes()), Long.toString(totals.billedMinutes()),
                Long.toString(totals.afterHoursMinutes()), totals.amountNok().toPlainString(), "", "", "", "", "", ""));
        return csv.toString();
    }

    private static void row(StringBuilder csv, Stream<String> fields) {
        csv.append(fields.map(InvoiceCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !safe.matches("-?[0-9.]+")) {
            // no spreadsheet formulas from free text (CSV injection)
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
