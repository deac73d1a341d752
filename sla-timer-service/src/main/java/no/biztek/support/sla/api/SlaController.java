package no.biztek.support.sla.api;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import no.biztek.support.httpapi.forward.InstanceForwarding;
import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.policy.Severity;

/** SLA status of a ticket and deadline previews (SPEC §4); GET needs the {@code read} scope. */
@RestController
@RequestMapping("/api/v1")
class SlaController {

    private final SlaStatusQuery query;
    private final DeadlinePreview previews;
    private final Clock clock;

    SlaController(SlaStatusQuery query, PlanCatalogue plans, Clock clock) {
        this.query = query;
        this.previews = new DeadlinePreview(plans);
        this.clock = clock;
    }

    @Operation(summary = "SLA status of a ticket",
            description = "Answered by whichever instance owns the ticket's clock; 404 for a ticket without one, "
                    + "503 while the clocks are starting or moving between instances")
    @GetMapping("/tickets/{ticketId}/sla")
    SlaStatusResponse status(
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._:~-]{1,200}",
                    message = "must be 1-200 letters, digits or . _ : ~ -") String ticketId,
            @Parameter(hidden = true) @RequestHeader(name = InstanceForwarding.FORWARDED_HEADER, required = false)
            String forwarded) {
        return query.find(ticketId, forwarded != null)
                .orElseThrow(() -> new TicketNotFoundException(ticketId));
    }

    @Operation(summary = "Deadline a ticket would get",
            description = "Computed from the plan's policy version in force at openedAt (default: now); needs no Kafka")
    @GetMapping("/sla/preview")
    PreviewResponse preview(
            @Parameter(description = "1 (critical), 2 (serious) or 3 (less serious)")
            @RequestParam(required = false) @NotNull @Min(1) @Max(3) Integer severity,
            @Parameter(description = "ISO-8601 instant, e.g. 2026-03-02T09:00:00+01:00; default now")
            @RequestParam(required = false) String openedAt,
            @Parameter(description = "a plan of the policy file; default: standard")
            @RequestParam(required = false) String plan,
            @Parameter(description = "first-response (default) or resolution")
            @RequestParam(required = false) String metric) {
        Instant opened = openedAt == null || openedAt.isBlank() ? clock.instant() : parseInstant(openedAt);
        return previews.preview(Severity.ofLevel(severity), opened, plan, metric);
    }

    /** An ISO-8601 instant with Z or an offset; a '+' decoded to a space in a query string is taken back. */
    private static Instant parseInstant(String text) {
        String value = text.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("openedAt",
                    "must be an ISO-8601 instant such as 2026-03-02T09:00:00+01:00, was '" + text + "'");
        }
    }
}
