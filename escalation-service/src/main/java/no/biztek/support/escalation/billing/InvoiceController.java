package no.biztek.support.escalation.billing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import no.biztek.support.escalation.api.Problems;
import no.biztek.support.httpapi.problem.InvalidRequestException;

/**
 * The invoice basis of a customer and month: JSON, or CSV with {@code Accept: text/csv} or
 * {@code format=csv}. A month without billed time has no lines and zero totals.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/invoice-basis")
class InvoiceController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final InvoiceLedger ledger;

    InvoiceController(InvoiceLedger ledger) {
        this.ledger = ledger;
    }

    @Operation(summary = "Invoice basis as JSON", description = "month as yyyy-MM, e.g. 2026-03; 410 for a month "
            + "before the kept window (the current month and support.escalation.views.invoice-basis-months before it)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> json(@PathVariable String customerId, @RequestParam String month,
                           @RequestParam(required = false) String format) {
        InvoiceLedger.InvoiceBasis basis = basis(customerId, month(month));
        if (format != null && !format.isBlank()) {
            if ("csv".equalsIgnoreCase(format.trim())) {
                return csvResponse(basis);
            }
            if (!"json".equalsIgnoreCase(format.trim())) {
                throw new InvalidRequestException("format", "must be json or csv; was '" + format + "'");
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(basis);
    }

    @Operation(summary = "Invoice basis as CSV: one row per entry and a totals row")
    @GetMapping(produces = "text/csv")
    ResponseEntity<?> csv(@PathVariable String customerId, @RequestParam String month,
                          @RequestParam(required = false) String format) {
        if (format != null && "json".equalsIgnoreCase(format.trim())) {
            return json(customerId, month, format);
        }
        return csvResponse(basis(customerId, month(month)));
    }

    /** The basis of a month still kept; 410 for an older one (never an empty basis that looks like nothing billed). */
    private InvoiceLedger.InvoiceBasis basis(String customerId, YearMonth month) {
        if (!ledger.keeps(month)) {
            throw Problems.of(HttpStatus.GONE, "The invoice basis of " + month + " is no longer kept by this service: it "
                    + "serves " + ledger.earliestMonth() + " onwards (support.escalation.views.invoice-basis-months). "
                    + "Every billing line is still in support.billing.v1.");
        }
        return ledger.basis(customerId, month);
    }

    private static ResponseEntity<?> csvResponse(InvoiceLedger.InvoiceBasis basis) {
        String name = "invoice-basis-" + basis.customerId().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + basis.month()
                + ".csv";
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(InvoiceCsv.write(basis));
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "must be a month as yyyy-MM, e.g. 2026-03; was '" + month + "'");
        }
    }
}
