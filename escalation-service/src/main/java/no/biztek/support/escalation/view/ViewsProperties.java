package no.biztek.support.escalation.view;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much history the in-memory views keep (what every instance reads from the topics at start-up), so that their
 * memory does not grow with the whole history. Measured from the events' own times against the injected clock, so
 * a view rebuilt after a restart forgets the same things. Closed vendor escalations:
 * {@code support.escalation.vendor.closed-retention}; ended pages: {@code support.escalation.streams.ended-page-retention}.
 *
 * @param resolvedTicketRetention how long a resolved ticket is kept after its {@code resolvedAt} (a reopened ticket is
 *                                kept again); afterwards opening a vendor escalation on it answers 404
 * @param invoiceBasisMonths      how many months before the current one (calendar zone, Europe/Oslo) the invoice
 *                                basis serves; an older month answers 410 (the billing topic still holds it)
 */
@Validated
@ConfigurationProperties("support.escalation.views")
public record ViewsProperties(@NotNull Duration resolvedTicketRetention, @Min(1) int invoiceBasisMonths) {

    public ViewsProperties {
        if (resolvedTicketRetention != null && resolvedTicketRetention.isNegative()) {
            throw new IllegalArgumentException("views.resolved-ticket-retention: must not be negative, was "
                    + resolvedTicketRetention);
        }
    }
}
