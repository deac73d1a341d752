package no.biztek.support.escalation.vendor;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rules and memory of vendor escalations. Validated at start-up.
 *
 * @param timeEntryGraceAfterClose how long after its close an escalation still takes time entries (consultants
 *                                 often write up the last call afterwards); later: 409
 * @param timeEntryMaxAge          how far back a time entry may start (400 before that): the overlap check can only
 *                                 see entries of escalations still in memory
 * @param closedRetention          how long a closed escalation is kept in memory after its last activity (its close
 *                                 or the end of its latest time entry, whichever is later); afterwards it answers
 *                                 404. At least {@code time-entry-max-age} and {@code time-entry-grace-after-close}, so
 *                                 that no entry a new one could overlap, and no escalation still taking entries, is
 *                                 forgotten
 */
@Validated
@ConfigurationProperties("support.escalation.vendor")
public record VendorProperties(@NotNull Duration timeEntryGraceAfterClose, @NotNull Duration timeEntryMaxAge,
                               @NotNull Duration closedRetention) {

    public VendorProperties {
        if (timeEntryGraceAfterClose != null && timeEntryGraceAfterClose.isNegative()) {
            throw new IllegalArgumentException("vendor.time-entry-grace-after-close: must not be negative, was "
                    + timeEntryGraceAfterClose);
        }
        if (timeEntryMaxAge != null && (timeEntryMaxAge.isNegative() || timeEntryMaxAge.isZero())) {
            throw new IllegalArgumentException("vendor.time-entry-max-age: must be positive, was " + timeEntryMaxAge);
        }
        if (closedRetention != null && timeEntryMaxAge != null && closedRetention.compareTo(timeEntryMaxAge) < 0) {
            throw new IllegalArgumentException("vendor.closed-retention: must be at least time-entry-max-age ("
                    + timeEntryMaxAge + "), was " + closedRetention);
        }
        if (closedRetention != null && timeEntryGraceAfterClose != null
                && closedRetention.compareTo(timeEntryGraceAfterClose) < 0) {
            throw new IllegalArgumentException("vendor.closed-retention: must be at least time-entry-grace-after-close ("
                    + timeEntryGraceAfterClose + "), was " + closedRetention);
        }
    }
}
