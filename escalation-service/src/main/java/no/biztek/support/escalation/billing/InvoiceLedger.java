package no.biztek.support.escalation.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.BillingEvent;

/**
 * Every billing line, per customer and month, as materialised from {@code support.billing.v1}: read from
 * the beginning at start-up, so the invoice basis is the same after a restart. A line belongs to the
 * month its entry started in, in the zone of the business calendar it was billed under. A repeated
 * billing event for an entry replaces the line (same entry id), so duplicates never count twice.
 *
 * <p>Bounded: only the current month and the {@code invoice-basis-months} before it are kept (months in the zone of
 * the calendar in force now, by the injected clock); lines of older months are dropped when read and when the
 * window moves on. {@link #keeps} tells whether a month is still served.
 */
@Component
public class InvoiceLedger implements TopicFollower.View<BillingEvent> {

    /** One billed time entry. */
    public record Line(String entryId, String escalationId, String ticketId, String vendor, String consultant,
                       Instant startedAt, Instant endedAt, long workedMinutes, long billedMinutes,
                       long afterHoursMinutes, BigDecimal amountNok, String termsSource, String policyVersion,
                       boolean vendorEscalationIncluded, int billingIncrementMinutes, BigDecimal hourlyRateNok,
                       BigDecimal afterHoursMultiplier) {
    }

    /** The invoice basis of a customer and month: its lines by start, and their totals. */
    public record InvoiceBasis(String customerId, YearMonth month, String currency, List<Line> lines, Totals totals) {
    }

    public record Totals(int entries, long workedMinutes, long billedMinutes, long afterHoursMinutes,
                         BigDecimal amountNok) {
    }

    private final PolicyHistory policies;
    private final Clock clock;
    private final int monthsBack;
    private final Map<String, Map<YearMonth, Map<String, Line>>> lines = new HashMap<>();
    private YearMonth swept;

    public InvoiceLedger(PolicyHistory policies, Clock clock, ViewsProperties views) {
        this.policies = policies;
        this.clock = clock;
        this.monthsBack = views.invoiceBasisMonths();
    }

    /** The earliest month served now: the current month minus {@code invoice-basis-months}. */
    public YearMonth earliestMonth() {
        Instant now = clock.instant();
        return YearMonth.from(now.atZone(policies.inForceAt(now).calendar().zone())).minusMonths(monthsBack);
    }

    /** Whether the month's invoice basis is still kept (else its lines are only in the billing topic). */
    public boolean keeps(YearMonth month) {
        return !month.isBefore(earliestMonth());
    }

    @Override
    public synchronized void fold(String key, BillingEvent event) {
        if (!(event.getPayload() instanceof BillableTimeRecorded billed)) {
            return;
        }
        ZoneId zone = policies.byId(billed.getPolicyVersion()).map(p -> p.calendar().zone())
                .orElseGet(() -> policies.inForceAt(billed.getStartedAt()).calendar().zone());
        YearMonth month = YearMonth.from(billed.getStartedAt().atZone(zone));
        YearMonth earliest = sweep();
        if (month.isBefore(earliest)) {
            return;
        }
        Line line = new Line(billed.getEntryId(), billed.getEscalationId(), event.getTicketId(),
                billed.getVendor().name(), billed.getConsultant(), billed.getStartedAt(), billed.getEndedAt(),
                billed.getWorkedMinutes(), billed.getBilledMinutes(), billed.getAfterHoursMinutes(),
                billed.getAmountNok(), billed.getTermsSource().name(), billed.getPolicyVersion(),
                billed.getTerms().getVendorEscalationIncluded(), billed.getTerms().getBillingIncrementMinutes(),
                billed.getTerms().getHourlyRateNok(), billed.getTerms().getAfterHoursMultiplier());
        lines.computeIfAbsent(event.getCustomerId(), c -> new HashMap<>())
                .computeIfAbsent(month, m -> new HashMap<>())
                .put(line.entryId(), line);
    }

    /** Drops the months that fell out of the window since the last sweep; the earliest month kept. */
    private YearMonth sweep() {
        YearMonth earliest = earliestMonth();
        if (swept == null || swept.isBefore(earliest)) {
            lines.values().forEach(months -> months.keySet().removeIf(m -> m.isBefore(earliest)));
            lines.values().removeIf(Map::isEmpty);
            swept = earliest;
        }
        return earliest;
    }

    /** The invoice basis of a month (empty for a month before {@link #earliestMonth}: check {@link #keeps} first). */
    public synchronized InvoiceBasis basis(String customerId, YearMonth month) {
        sweep();
        List<Line> found = lines.getOrDefault(customerId, Map.of()).getOrDefault(month, Map.of()).values().stream()
                .sorted(Comparator.comparing(Line::startedAt).thenComparing(Line::entryId)).toList();
        Totals totals = new Totals(found.size(),
                found.stream().mapToLong(Line::workedMinutes).sum(),
                found.stream().mapToLong(Line::billedMinutes).sum(),
                found.stream().mapToLong(Line::afterHoursMinutes).sum(),
                found.stream().map(Line::amountNok).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        return new InvoiceBasis(customerId, month, "NOK", found, totals);
    }
}
