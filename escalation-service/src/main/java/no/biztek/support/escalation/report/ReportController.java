package no.biztek.support.escalation.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.httpapi.problem.InvalidRequestException;

/**
 * The monthly SLA report of a customer: {@code GET /api/v1/reports/{customerId}/{yyyy-MM}} as JSON, as CSV
 * ({@code Accept: text/csv} or {@code .csv}; {@code part=summary} for the summary) or as a printable HTML page
 * ({@code Accept: text/html} or {@code .html}); {@code POST .../links} issues a shareable signed link that opens the
 * HTML at {@code /reports/<token>} without a Bearer token until it expires.
 */
@RestController
class ReportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ReportService reports;
    /** Where people reach this service (the acknowledgement links' base URL), for the links it issues. */
    private final String baseUrl;
    private final ReportLinks links;
    private final ReportProperties properties;
    private final Clock clock;

    ReportController(ReportService reports, ReportLinks links, ReportProperties properties, PagingProperties paging,
                     Clock clock) {
        this.reports = reports;
        String base = paging.ackLink().baseUrl().toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(summary = "Monthly SLA report", description = "month as yyyy-MM (Europe/Oslo), optionally with .json, "
            + ".csv or .html; JSON unless Accept asks for text/csv or text/html")
    @GetMapping("/api/v1/reports/{customerId}/{month}")
    ResponseEntity<?> report(@PathVariable String customerId, @PathVariable String month,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             @RequestParam(required = false) String part) {
        String format = format(month, accept);
        YearMonth parsed = month(month.contains(".") ? month.substring(0, month.indexOf('.')) : month);
        SlaReport report = reports.report(customerId, parsed);
        return switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"sla-report-" + customerId.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                            + parsed + ("summary".equals(part) ? "-summary" : "") + ".csv\"")
                    .body("summary".equals(part) ? ReportCsv.summary(report) : ReportCsv.tickets(report));
            case "html" -> html(HttpStatus.OK, ReportPage.render(report));
            default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        };
    }

    @Operation(summary = "Issue a shareable link to the report's HTML page", description = "valid for "
            + "support.escalation.reports.link-valid-for; anyone holding it can read the report")
    @PostMapping("/api/v1/reports/{customerId}/{month}/links")
    ResponseEntity<Map<String, Object>> link(@PathVariable String customerId, @PathVariable String month) {
        YearMonth parsed = month(month);
        reports.check(customerId, parsed);
        Instant expiresAt = clock.instant().plus(properties.linkValidFor());
        String path = "/reports/" + links.issue(customerId, parsed, expiresAt);
        String url = baseUrl + path;
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, url)
                .body(Map.of("path", path, "url", url, "expiresAt", expiresAt.toString()));
    }

    @Operation(summary = "The report page of a shareable link", description = "no Bearer token: the signed token is "
            + "the credential; 401 for a forged link, 410 for an expired one")
    @GetMapping(path = "/reports/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> shared(@PathVariable String token) {
        Optional<ReportLinks.Claims> claims = links.verify(token);
        if (claims.isEmpty()) {
            return html(HttpStatus.UNAUTHORIZED, ReportPage.message("Invalid link", "This report link is not valid. "
                    + "Ask your service desk for a new link."));
        }
        if (!clock.instant().isBefore(claims.get().expiresAt())) {
            return html(HttpStatus.GONE, ReportPage.message("Link expired", "This report link expired at "
                    + ReportPage.time(claims.get().expiresAt()) + ". Ask your service desk for a new link."));
        }
        try {
            return html(HttpStatus.OK, ReportPage.render(reports.report(claims.get().customerId(),
                    claims.get().month())));
        } catch (org.springframework.web.ErrorResponseException e) {
            return html(HttpStatus.valueOf(e.getStatusCode().value()), ReportPage.message("Report not available",
                    String.valueOf(e.getBody().getDetail())));
        }
    }

    private static String format(String month, String accept) {
        int dot = month.indexOf('.');
        if (dot >= 0) {
            String suffix = month.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!suffix.equals("csv") && !suffix.equals("json") && !suffix.equals("html")) {
                throw new InvalidRequestException("month", "must be yyyy-MM, optionally with .json, .csv or .html; was '"
                        + month + "'");
            }
            return suffix;
        }
        List<MediaType> wanted;
        try {
            wanted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return "json";
        }
        wanted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : wanted) {
            if (type.isWildcardType() || type.includes(MediaType.APPLICATION_JSON)) {
                return "json";
            }
            if (type.includes(CSV)) {
                return "csv";
            }
            if (type.includes(MediaType.TEXT_HTML)) {
                return "html";
            }
        }
        return "json";
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("month", "must be a month as yyyy-MM, e.g. 2026-10; was '" + month + "'");
        }
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", ReportPage.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff").body(page);
    }
}
