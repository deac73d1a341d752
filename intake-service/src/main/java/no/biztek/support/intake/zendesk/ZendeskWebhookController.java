package no.biztek.support.intake.zendesk;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.intake.config.IntakeProperties;
import no.biztek.support.intake.customer.CustomerIds;
import no.biztek.support.intake.ticket.Accepted;
import no.biztek.support.intake.ticket.TicketHolds;
import no.biztek.support.intake.ticket.TicketIntake;
import no.biztek.support.intake.ticket.TicketRequests;

/**
 * Zendesk trigger webhooks (docs/zendesk-webhook.md): verified by signature, then handled like the
 * same request over the ticket API, at the time the change happened in Zendesk. Priority urgent→1, high→2,
 * normal, low or none→3; status pending holds the ticket waiting on the customer, on-hold waiting on the vendor,
 * open resumes a held ticket. A delivery this instance already handled within the signature window (a replay) is
 * answered 200 {@code REPLAYED} and publishes nothing ({@link SeenDeliveries}).
 */
@RestController
class ZendeskWebhookController {

    static final String SOURCE = "zendesk";
    static final String WAITING_ON_CUSTOMER = "WAITING_ON_CUSTOMER";
    static final String WAITING_ON_VENDOR = "WAITING_ON_VENDOR";

    private static final Logger log = LoggerFactory.getLogger(ZendeskWebhookController.class);

    private final ZendeskSignature signature;
    private final SeenDeliveries seen;
    private final JsonMapper json;
    private final RequestValidator validator;
    private final TicketIntake intake;
    private final TicketHolds holds;
    private final Clock clock;

    ZendeskWebhookController(IntakeProperties properties, Clock clock, JsonMapper json, RequestValidator validator,
                             TicketIntake intake, TicketHolds holds) {
        this.signature = new ZendeskSignature(properties.zendesk().signingSecret(),
                properties.zendesk().maxSignatureAge(), clock);
        this.seen = new SeenDeliveries(properties.zendesk().maxSignatureAge(),
                properties.zendesk().maxRememberedDeliveries(), clock);
        this.json = json;
        this.validator = validator;
        this.intake = intake;
        this.holds = holds;
        this.clock = clock;
    }

    @Operation(summary = "Zendesk trigger webhook", description = "Signed by Zendesk; body as in docs/zendesk-webhook.md."
            + " 202 when handled; 200 with outcome REPLAYED when this delivery (its signature) was handled before"
            + " within the signature window: nothing is published again.")
    @ApiResponse(responseCode = "202", description = "Handled like the same request over the ticket API",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "200", description = "A replay of a delivery already handled; nothing published",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "503", description = "Kafka is unavailable, or too many deliveries within the signature"
            + " window to tell replays apart; nothing was written, retry after Retry-After")
    @PostMapping(path = "/api/v1/webhooks/zendesk", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> receive(
            @RequestHeader(name = ZendeskSignature.SIGNATURE_HEADER, required = false) String signed,
            @RequestHeader(name = ZendeskSignature.TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestBody byte[] body) {
        ZendeskSignature.Verified delivery = signature.verify(signed, timestamp, body);
        Optional<Accepted> before = seen.answered(delivery.signature());
        if (before.isPresent()) {
            log.info("Zendesk delivery signed at {} for ticket {} replayed; nothing published",
                    delivery.signedAt(), before.get().ticketId());
            return ResponseEntity.ok(before.get().replayed());
        }
        if (!seen.hasRoom()) {
            log.warn("Refusing a Zendesk delivery: {} deliveries of the last {} remembered already", seen.size(),
                    signature.maxAge());
            throw new TooManyDeliveriesException(seen.untilRoom());
        }
        Accepted accepted = handle(validator.validate(parse(body)), delivery.signedAt());
        seen.remember(delivery.signature(), delivery.signedAt(), accepted);
        return ResponseEntity.accepted().body(accepted);
    }

    private Accepted handle(ZendeskTrigger trigger, Instant signedAt) {
        Instant at = eventTime(trigger.occurredAt(), signedAt);
        String ticketId = TicketIntake.ticketIdOf(SOURCE, trigger.ticket().id());
        return switch (trigger.event()) {
            case TICKET_CREATED -> intake.open(opened(trigger, at));
            case PUBLIC_AGENT_COMMENT -> intake.recordFirstResponse(ticketId,
                    new TicketRequests.FirstResponse(required("agent", trigger.agent()), at));
            case PRIORITY_CHANGED -> intake.changeSeverity(ticketId,
                    new TicketRequests.SeverityChange(severity(trigger.ticket().priority()), reason(trigger.reason()),
                            "priority changed in Zendesk", at));
            case TICKET_SOLVED -> intake.resolve(ticketId, new TicketRequests.Resolve(at));
            case TICKET_REOPENED -> intake.reopen(ticketId, new TicketRequests.Reopen(at, "reopened in Zendesk"));
            case STATUS_CHANGED -> statusChanged(ticketId, trigger.ticket().status(), at);
        };
    }

    /**
     * Pending waits on the customer, on-hold on the vendor (a third party); open again ends a hold. Solved and
     * reopened have their own triggers, so any other status is refused rather than guessed at.
     */
    private Accepted statusChanged(String ticketId, String status, Instant at) {
        String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "pending" -> holds.hold(ticketId, new TicketRequests.Hold(WAITING_ON_CUSTOMER, at));
            case "hold", "on-hold", "on hold" -> holds.hold(ticketId, new TicketRequests.Hold(WAITING_ON_VENDOR, at));
            case "open" -> holds.resumeIfHeld(ticketId, new TicketRequests.Resume(at));
            default -> throw new InvalidRequestException("ticket.status", "must be pending, on-hold or open for"
                    + " status_changed (solved and reopened have their own triggers), was '" + status + "'");
        };
    }

    /**
     * When the change happened: the trigger's {@code occurred_at}; without it, when Zendesk signed the delivery
     * (a signature from a clock a little ahead of ours counts as now). Never intake's processing time.
     */
    private Instant eventTime(OffsetDateTime occurredAt, Instant signedAt) {
        if (occurredAt != null) {
            return occurredAt.toInstant();
        }
        Instant now = clock.instant();
        return signedAt.isAfter(now) ? now : signedAt;
    }

    private ZendeskTrigger parse(byte[] body) {
        try {
            return json.readValue(body, ZendeskTrigger.class);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "not a valid Zendesk trigger body: " + e.getOriginalMessage());
        }
    }

    /** The ticket opened when Zendesk created it ({@code created_at}), else when the trigger says it happened. */
    private static TicketRequests.OpenTicket opened(ZendeskTrigger trigger, Instant at) {
        ZendeskTrigger.Ticket ticket = trigger.ticket();
        ZendeskTrigger.Requester requester = ticket.requester();
        return new TicketRequests.OpenTicket(SOURCE, ticket.id(),
                CustomerIds.require("ticket.organization_external_id", ticket.organizationExternalId()),
                severity(ticket.priority()), ticket.title(), ticket.description(),
                requester == null ? null : new TicketRequests.Requester(requester.name(), requester.email()),
                TicketRequests.Channel.ZENDESK, null, null,
                ticket.createdAt() != null ? ticket.createdAt().toInstant() : at);
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

    /** The drop-down's value as a reason code; whether the policy accepts it is intake's rule, as over the API. */
    private static String reason(String code) {
        return code == null || code.isBlank() ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
        return value;
    }
}
