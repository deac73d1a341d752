package no.biztek.support.escalation.report;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The monthly SLA reports.
 *
 * @param zone           the zone of the months (a ticket belongs to the month it was opened in there)
 * @param closeAfter     how long after a month's last day ends it closes and its snapshot is written (a clock still
 *                       running then is reported "open at close")
 * @param addendumWindow how long after the close the month's facts are kept for its addendum (then only the
 *                       snapshot is served)
 * @param checkInterval  how often every instance looks for months to close
 * @param linkValidFor   how long a shareable report link is valid
 * @param instance       this instance's name in close claims (unset: a random one per start)
 */
@Validated
@ConfigurationProperties("support.escalation.reports")
public record ReportProperties(@NotNull ZoneId zone, @NotNull Duration closeAfter, @NotNull Duration addendumWindow,
                               @NotNull Duration checkInterval, @NotNull Duration linkValidFor,
                               @NotBlank String instance) {

    public ReportProperties {
        positive("close-after", closeAfter);
        positive("addendum-window", addendumWindow);
        positive("check-interval", checkInterval);
        positive("link-valid-for", linkValidFor);
    }

    private static void positive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("support.escalation.reports." + name + ": must be positive, was " + value);
        }
    }
}
