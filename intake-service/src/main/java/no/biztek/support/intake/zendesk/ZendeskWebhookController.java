package no.biztek.support.intake.zendesk;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.intake.IntakeProperties;
import no.biztek.support.intake.ticket.Accepted;
import no.biztek.support.intake.ticket.TicketIntake;
import no.biztek.support.intake.ticket.TicketRequests;

/**
 * Zendesk trigger webhooks (docs/zendesk-webhook.md): verified by signature, then handled like the
 * same request over the ticket API. Priority urgent→1, high→2, normal, low or none→3.
 */
@RestController
class ZendeskWebhookController {

    static final String SOURCE = "zendesk";

    private final ZendeskSignature signature;
    private final JsonMapper json;
    private final RequestValidator validator;
    private final TicketIntake intake;
    private final Clock clock;

    ZendeskWebhookController(IntakeProperties properties, Clock clock, JsonMapper json, RequestValidator validator,
                             TicketIntake intake) {
        this.signature = new ZendeskSignature(properties.zendesk().signingSecret(),
                properties.zendesk().maxSignatureAge(), clock);
        this.json = json;
        this.validator = validator;
        this.intake = intake;
        this.clock = clock;
    }

    @Operation(summary = "Zendesk trigger webhook", description = "Signed by Zendesk; body as in docs/zendesk-webhook.md")
    @PostMapping(path = "/api/v1/webhooks/zendesk", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted receive(@RequestHeader(name = ZendeskSignature.SIGNATURE_HEADER, required = false) String signed,
                     @RequestHeader(name = ZendeskSignature.TIMESTAMP_HEADER, required = false) String timestamp,
                     @RequestBody byte[] body) {
        Instant signedAt = signature.verify(signed, timestamp, body);
        ZendeskTrigger trigger = validator.validate(parse(body));
        // a signature may come from a clock a little ahead of ours; the change happened no later than now
        Instant now = clock.instant();
        Instant at = trigger.occurredAt() != null ? trigger.occurredAt() : signedAt.isAfter(now) ? now : signedAt;
        String ticketId = TicketIntake.ticketIdOf(SOURCE, trigger.ticket().id());
        return switch (trigger.event()) {
            case TICKET_CREATED -> intake.open(opened(trigger));
            case PUBLIC_AGENT_COMMENT -> intake.recordFirstResponse(ticketId,
                    new TicketRequests.FirstResponse(required("agent", trigger.agent()), at));
            case PRIORITY_CHANGED -> intake.changeSeverity(ticketId,
                    new TicketRequests.SeverityChange(severity(trigger.ticket().priority()), reason(trigger.reason()),
                            "priority changed in Zendesk", at));
            case TICKET_SOLVED -> intake.resolve(ticketId, new TicketRequests.Resolve(at));
            case TICKET_REOPENED -> intake.reopen(ticketId, new TicketRequests.Reopen(at, "reopened in Zendesk"));
        };
    }

    private ZendeskTrigger parse(byte[] body) {
        try {
            return json.readValue(body, ZendeskTrigger.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "not a valid Zendesk trigger body: " + e.getOriginalMessage());
        }
    }

    private static TicketRequests.OpenTicket opened(ZendeskTrigger trigger) {
        ZendeskTrigger.Ticket ticket = trigger.ticket();
        ZendeskTrigger.Requester requester = ticket.requester();
        return new TicketRequests.OpenTicket(SOURCE, ticket.id(),
                required("ticket.organization_external_id", ticket.organizationExternalId()),
                severity(ticket.priority()), ticket.title(), ticket.description(),
                requester == null ? null : new TicketRequests.Requester(requester.name(), requester.email()),
                TicketRequests.Channel.ZENDESK, null, null, ticket.createdAt());
    }

    static int severity(String priority) {
        String p = priority == null ? "" : priority.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "urgent" -> 1;
            case "high" -> 2;
            case "normal", "low", "", "-" -> 3;
            default -> throw new InvalidRequestException("ticket.priority",
                    "must be urgent, high, normal or low, was '" + priority + "'");
        };
    }

    private static TicketRequests.Reason reason(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return TicketRequests.Reason.valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("reason", "must be one of "
                    + Arrays.toString(TicketRequests.Reason.values()) + ", was '" + code + "'");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
        return value;
    }
}
