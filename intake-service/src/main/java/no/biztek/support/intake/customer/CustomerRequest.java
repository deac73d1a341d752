package no.biztek.support.intake.customer;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import no.biztek.support.policy.PlanCatalogue;

/**
 * A customer's directory entry (SPEC §4): who to write to, in which language, the contract terms
 * for vendor escalation (absent: the policy's default terms) and the SLA plan (absent: the default plan).
 */
@Schema(description = "Customer directory entry and contract terms")
record CustomerRequest(@NotBlank @Size(max = 200) String name,
                       @NotNull Language locale,
                       @NotNull @Size(max = 20) List<@NotNull @Valid Contact> notificationContacts,
                       @Valid Contract contract,
                       @Schema(description = "the SLA plan the contract buys: a plan of the support policy file"
                               + " (support.policy.file); absent: the default plan, " + PlanCatalogue.DEFAULT_PLAN
                               + ". Tickets are measured under the plan their customer had when they were opened",
                               example = "around-the-clock")
                       @Size(max = 100) String plan,
                       @Schema(description = "the number on-call engineers call the customer on, shown in their"
                               + " pages: digits, spaces, +, -, ( and ); absent: none", example = "+47 22 00 00 00")
                       @Pattern(regexp = PHONE, message = "must be a phone number: digits, spaces, +, -, ( and ), e.g. +47 22 00 00 00")
                       @Size(max = 40) String phone) {

    /** A phone number as people write one: an optional +, then digits and separators from a digit to a digit. */
    static final String PHONE = "\\+?\\(?[0-9](?:[0-9 ()-]{0,38}[0-9])?";

    enum Language {
        @JsonProperty("nb") NB,
        @JsonProperty("en") EN
    }

    record Contact(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email) {
    }

    /**
     * @param vendorEscalationIncluded true: vendor escalation is recorded but billed 0
     * @param billingIncrementMinutes  each time entry is rounded up to a multiple of this
     * @param hourlyRateNok            NOK per hour, two decimals at most
     * @param afterHoursMultiplier     factor for time outside opening hours, at least 1
     */
    record Contract(@NotNull Boolean vendorEscalationIncluded,
                    @NotNull @Min(1) @Max(1440) Integer billingIncrementMinutes,
                    @NotNull @DecimalMin("0") @DecimalMax("99999999.99") @Digits(integer = 8, fraction = 2)
                    BigDecimal hourlyRateNok,
                    @NotNull @DecimalMin("1") @DecimalMax("10") @Digits(integer = 2, fraction = 2)
                    BigDecimal afterHoursMultiplier) {

        Contract {
            // 1450.500 is 1450.50: trailing zeros are not decimals
            hourlyRateNok = withoutTrailingZeros(hourlyRateNok);
            afterHoursMultiplier = withoutTrailingZeros(afterHoursMultiplier);
        }

        private static BigDecimal withoutTrailingZeros(BigDecimal amount) {
            return amount == null || amount.scale() <= 0 ? amount : amount.stripTrailingZeros();
        }
    }
}
