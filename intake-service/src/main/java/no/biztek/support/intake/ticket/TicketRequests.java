package no.biztek.support.intake.ticket;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import no.biztek.support.intake.customer.CustomerIds;

/** The bodies of intake's ticket requests; the same records arrive over HTTP, Zendesk and the inbound topic. */
public final class TicketRequests {

    private TicketRequests() {
    }

    /** Channels a ticket arrives through (SPEC §1). */
    public enum Channel { EMAIL, PHONE, PORTAL, ZENDESK, API }

    /** Third parties of the terms. */
    public enum Vendor { MICROSOFT, ZENDESK, PRINTIX, ONWORK }

    /** A reason code as the policy file writes them (data, not an enum: a new code is a new line in the file). */
    public static final String REASON_CODE = "[A-Z][A-Z0-9_]*";

    public record Requester(@NotBlank @Size(max = 200) String name,
                            @NotBlank @Email @Size(max = 320) String email) {
    }

    @Schema(description = "A new ticket. The same source and externalId always give the same ticketId.")
    public record OpenTicket(
            @Schema(example = "portal") @NotBlank @Size(max = 64) String source,
            @Schema(example = "INC-48213") @NotBlank @Size(max = 200) String externalId,
            @Schema(example = "kunde-as", pattern = CustomerIds.PATTERN)
            @NotBlank @Pattern(regexp = CustomerIds.PATTERN, message = CustomerIds.MESSAGE) String customerId,
            @Schema(example = "2", minimum = "1", maximum = "3") @NotNull @Min(1) @Max(3) Integer severity,
            @NotBlank @Size(max = 500) String title,
            @NotBlank @Size(max = 20_000) String description,
            @NotNull @Valid Requester requester,
            @NotNull Channel channel,
            Vendor vendor,
            @Schema(example = "M365") @Size(max = 64) String vendorService,
            @Schema(description = "when the customer submitted it; default now; not in the future, nor longer ago than"
                    + " the ticket retention (support.intake.ticket-retention)") Instant openedAt) {

        public OpenTicket {
            // surrounding blanks were always tolerated (and dropped); inside, the id must be a directory id
            customerId = customerId == null ? null : customerId.trim();
        }
    }

    public record FirstResponse(@NotBlank @Size(max = 200) String consultant,
                                @Schema(description = "default now") Instant respondedAt) {
    }

    public record SeverityChange(@NotNull @Min(1) @Max(3) Integer severity,
                                 @Schema(description = "a reason code; required for a downgrade, then one of the"
                                         + " policy's downgradeReasons, e.g. CUSTOMER_RESOURCES_UNAVAILABLE; an upgrade"
                                         + " without one is IMPACT_REASSESSED", example = "CUSTOMER_ANSWERS_MISSING")
                                 @Size(max = 64) @Pattern(regexp = REASON_CODE, message = "must be an UPPER_SNAKE_CASE"
                                         + " reason code") String reason,
                                 @Size(max = 2_000) String note,
                                 @Schema(description = "default now") Instant changedAt) {
    }

    public record Resolve(@Schema(description = "default now") Instant resolvedAt) {
    }

    public record Reopen(@Schema(description = "default now") Instant reopenedAt, @Size(max = 2_000) String note) {
    }

    @Schema(description = "The ticket waits, e.g. on the customer; its plan's pause reasons say which SLA clocks stop.")
    public record Hold(@Schema(description = "a pause reason of the ticket's plan (pauseReasons), not RESOLVED",
                               example = "WAITING_ON_CUSTOMER")
                       @NotBlank @Size(max = 64) @Pattern(regexp = REASON_CODE, message = "must be an UPPER_SNAKE_CASE"
                               + " reason code") String reason,
                       @Schema(description = "default now") Instant heldAt) {
    }

    public record Resume(@Schema(description = "default now") Instant resumedAt) {
    }
}
