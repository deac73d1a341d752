package no.biztek.support.escalation.vendor;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

/** Bodies of the vendor escalation API. */
final class VendorRequests {

    private VendorRequests() {
    }

    /** Third parties of the terms (SPEC §1). */
    enum Vendor { MICROSOFT, ZENDESK, PRINTIX, ONWORK }

    /** The vendor's case states. */
    enum Status { REPORTED, INVESTIGATING, WAITING_FOR_CUSTOMER, FIX_IN_PROGRESS, MONITORING }

    @Schema(description = "The problem was reported to the vendor. The same ticket, vendor and case reference "
            + "always give the same escalationId.")
    record Open(@NotNull Vendor vendor,
                @Schema(example = "M365") @Size(max = 64) String vendorService,
                @Schema(example = "2603030010001234") @NotBlank @Size(max = 100) String vendorCaseReference,
                @NotBlank @Size(max = 200) String openedBy) {
    }

    record StatusChange(@NotNull Status status,
                        @Schema(description = "the vendor's message, shown to the customer") @NotBlank
                        @Size(max = 4_000) String message) {
    }

    record TimeEntry(@NotBlank @Size(max = 200) String consultant,
                     @NotNull Instant startedAt,
                     @NotNull Instant endedAt,
                     @Size(max = 2_000) String note) {
    }

    record Close(@NotBlank @Size(max = 200) String closedBy, @Size(max = 4_000) String resolution) {
    }
}
