package no.biztek.support.intake.zendesk;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The JSON body our Zendesk triggers send (docs/zendesk-webhook.md). Fields Zendesk adds beyond these
 * are ignored, so a trigger can carry more without breaking intake. Times are ISO-8601 with an offset; the
 * seconds are optional, as Zendesk's {@code *_with_timestamp} placeholders give minutes ({@code 2026-03-02T08:35Z}).
 *
 * @param occurredAt when the change happened in Zendesk ({@code {{ticket.updated_at_with_timestamp}}})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ZendeskTrigger(@NotNull Event event, @NotNull @Valid Ticket ticket, @Size(max = 200) String agent,
                      @Size(max = 64) String reason, @JsonProperty("occurred_at") OffsetDateTime occurredAt) {

    enum Event {
        @JsonProperty("ticket_created") TICKET_CREATED,
        @JsonProperty("public_agent_comment") PUBLIC_AGENT_COMMENT,
        @JsonProperty("priority_changed") PRIORITY_CHANGED,
        @JsonProperty("ticket_solved") TICKET_SOLVED,
        @JsonProperty("ticket_reopened") TICKET_REOPENED,
        @JsonProperty("status_changed") STATUS_CHANGED
    }

    /**
     * @param createdAt when the ticket was created in Zendesk ({@code {{ticket.created_at_with_timestamp}}})
     * @param status    its status ({@code {{ticket.status}}}), for {@code status_changed}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ticket(@NotBlank @Size(max = 64) String id,
                  @Size(max = 32) String priority,
                  @Size(max = 500) String title,
                  @Size(max = 20_000) String description,
                  @JsonProperty("created_at") OffsetDateTime createdAt,
                  @JsonProperty("organization_external_id") @Size(max = 100) String organizationExternalId,
                  @Valid Requester requester,
                  @Size(max = 32) String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Requester(@Size(max = 200) String name, @Email @Size(max = 320) String email) {
    }
}
