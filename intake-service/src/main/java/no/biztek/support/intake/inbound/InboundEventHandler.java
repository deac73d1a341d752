package no.biztek.support.intake.inbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.intake.ticket.Accepted;
import no.biztek.support.intake.ticket.TicketHolds;
import no.biztek.support.intake.ticket.TicketIntake;
import no.biztek.support.intake.ticket.TicketRequests;

/**
 * Turns one inbound JSON ticket event into the same request the HTTP API takes, with the same rules.
 * An event without its time ({@code openedAt}, {@code respondedAt} ...) happened when it was published: the
 * record's Kafka timestamp, not when intake reads it (which may be hours later after an outage).
 * Anything the API would answer with a 4xx is a {@link RejectedInboundEvent}; Kafka being unavailable
 * is not, so the record is retried rather than dead-lettered.
 */
@Component
class InboundEventHandler {

    private final JsonMapper json;
    private final TicketIntake intake;
    private final TicketHolds holds;

    InboundEventHandler(JsonMapper json, TicketIntake intake, TicketHolds holds) {
        this.json = json;
        this.intake = intake;
        this.holds = holds;
    }

    /**
     * @param recordTime the record's Kafka timestamp; {@code null} when it has none (then intake's clock applies)
     */
    Accepted handle(byte[] value, Instant recordTime) {
        try {
            return dispatch(value, recordTime);
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().is4xxClientError()) {
                throw new RejectedInboundEvent(describe(e), e);
            }
            throw e;
        }
    }

    private Accepted dispatch(byte[] value, Instant recordTime) {
        ObjectNode event = parse(value);
        InboundEventType type = type(event);
        defaultTime(event, type, recordTime);
        if (type == InboundEventType.TICKET_OPENED) {
            event.remove("type");
            return intake.open(read(event, TicketRequests.OpenTicket.class));
        }
        String ticketId = ticketId(event);
        return switch (type) {
            case FIRST_RESPONSE -> intake.recordFirstResponse(ticketId, read(event, TicketRequests.FirstResponse.class));
            case SEVERITY_CHANGED -> intake.changeSeverity(ticketId, read(event, TicketRequests.SeverityChange.class));
            case TICKET_RESOLVED -> intake.resolve(ticketId, read(event, TicketRequests.Resolve.class));
            case TICKET_REOPENED -> intake.reopen(ticketId, read(event, TicketRequests.Reopen.class));
            case TICKET_HELD -> holds.hold(ticketId, read(event, TicketRequests.Hold.class));
            case TICKET_RESUMED -> holds.resume(ticketId, read(event, TicketRequests.Resume.class));
            case TICKET_OPENED -> throw new IllegalStateException("handled above");
        };
    }

    private ObjectNode parse(byte[] value) {
        if (value == null) {
            throw new InvalidRequestException("body", "a JSON object is required, the record has no value");
        }
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (JacksonException e) {
            throw new InvalidRequestException("body", "malformed JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new InvalidRequestException("body", "must be a JSON object");
        }
        return object;
    }

    private static InboundEventType type(ObjectNode event) {
        JsonNode type = event.get("type");
        if (type == null || !type.isString()) {
            throw new InvalidRequestException("type", "must be one of " + Arrays.toString(InboundEventType.values()));
        }
        try {
            return InboundEventType.valueOf(type.asString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("type", "must be one of "
                    + Arrays.toString(InboundEventType.values()) + ", was '" + type.asString() + "'");
        }
    }

    private static void defaultTime(ObjectNode event, InboundEventType type, Instant recordTime) {
        JsonNode time = event.get(type.timeField());
        if (recordTime != null && (time == null || time.isNull())) {
            event.put(type.timeField(), recordTime.toString());
        }
    }

    /** A lifecycle event names its ticket by {@code ticketId}, or by {@code source} and {@code externalId}. */
    private static String ticketId(ObjectNode event) {
        JsonNode id = event.remove("ticketId");
        JsonNode source = event.remove("source");
        JsonNode externalId = event.remove("externalId");
        event.remove("type");
        if (id != null && id.isString() && !id.asString().isBlank()) {
            return id.asString().trim();
        }
        if (source != null && externalId != null && source.isString() && externalId.isString()
                && !source.asString().isBlank() && !externalId.asString().isBlank()) {
            return TicketIntake.ticketIdOf(source.asString(), externalId.asString());
        }
        throw new InvalidRequestException("ticketId", "give ticketId, or source and externalId");
    }

    private <T> T read(ObjectNode event, Class<T> type) {
        try {
            return json.treeToValue(event, type);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                    : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("body");
            throw new InvalidRequestException(field, e.getOriginalMessage());
        }
    }

    private static String describe(ErrorResponseException e) {
        String detail = e.getBody().getDetail();
        Object errors = e.getBody().getProperties() == null ? null : e.getBody().getProperties().get("errors");
        return e.getStatusCode().value() + " " + (detail == null ? "" : detail) + (errors == null ? "" : " " + errors);
    }
}
