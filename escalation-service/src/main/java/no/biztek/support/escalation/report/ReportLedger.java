package no.biztek.support.escalation.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * The facts of every ticket the monthly SLA reports still need, keyed by customer, month (of {@code openedAt} in the
 * report zone) and ticket: fed by the ticket, SLA and escalation topics' followers ({@link #tickets()}, {@link #sla()},
 * {@link #escalations()}). Each fact is kept by its event id with its own time, so the same facts give the same
 * records in any arrival order (a fact read before the ticket's opening waits in the ticket's record until its month
 * is known).
 *
 * <p>Bounded: a month's tickets are dropped {@code addendum-window} after the month's close ({@link MonthClose}), by
 * the injected clock; its snapshot stays on {@code support.sla-reports.v1}. A ticket whose month is not known yet is
 * dropped with the month of its earliest fact (its opening cannot be later).
 */
@Component
public class ReportLedger {

    private final MonthClose months;
    private final Clock clock;
    private final Map<String, TicketRecordCollector> tickets = new HashMap<>();
    private final Map<String, Map<YearMonth, Set<String>>> index = new HashMap<>();
    private YearMonth swept;

    ReportLedger(MonthClose months, Clock clock) {
        this.months = months;
        this.clock = clock;
    }

    /** The view of {@code support.ticket-events.v1}. */
    public TopicFollower.View<TicketEvent> tickets() {
        return (key, event) -> fold(event.getTicketId(), event.getCustomerId(), f -> f.add(event));
    }

    /** The view of {@code support.sla-events.v1}. */
    public TopicFollower.View<SlaEvent> sla() {
        return (key, event) -> fold(event.getTicketId(), event.getCustomerId(), f -> f.add(event));
    }

    /** The view of {@code support.escalation-events.v1}. */
    public TopicFollower.View<EscalationEvent> escalations() {
        return (key, event) -> fold(event.getTicketId(), event.getCustomerId(), f -> f.add(event));
    }

    private synchronized void fold(String ticketId, String customerId, Consumer<TicketRecordCollector> add) {
        if (ticketId == null || customerId == null) {
            return;
        }
        YearMonth earliest = sweep();
        TicketRecordCollector facts = tickets.get(ticketId);
        boolean known = facts != null && facts.openedAt() != null;
        if (facts == null) {
            facts = new TicketRecordCollector(ticketId, customerId);
        }
        add.accept(facts);
        YearMonth month = month(facts);
        if (month == null || month.isBefore(earliest)) {
            tickets.remove(ticketId);
            return;
        }
        tickets.put(ticketId, facts);
        if (!known && facts.openedAt() != null) {
            index.computeIfAbsent(facts.customerId(), c -> new HashMap<>()).computeIfAbsent(month,
                    m -> new TreeSet<>()).add(ticketId);
        }
    }

    /** The month of the ticket's opening, or else of its earliest fact (for dropping); null without facts. */
    private YearMonth month(TicketRecordCollector facts) {
        Instant at = facts.openedAt() != null ? facts.openedAt() : facts.earliest();
        return at == null ? null : months.monthOf(at);
    }

    /** The records of a customer's tickets opened in the month, by ticket id (empty for a month no longer kept). */
    public synchronized List<TicketRecord> records(String customerId, YearMonth month) {
        sweep();
        List<TicketRecord> found = new ArrayList<>();
        for (String ticketId : index.getOrDefault(customerId, Map.of()).getOrDefault(month, Set.of())) {
            found.add(tickets.get(ticketId).record());
        }
        found.sort(Comparator.comparing(TicketRecord::ticketId));
        return found;
    }

    /** Whether any ticket of the customer is kept. */
    public synchronized boolean knows(String customerId) {
        return index.containsKey(customerId);
    }

    /** The customers with tickets opened in the month. */
    public synchronized Set<String> customers(YearMonth month) {
        Set<String> customers = new TreeSet<>();
        index.forEach((customer, byMonth) -> {
            if (byMonth.containsKey(month)) {
                customers.add(customer);
            }
        });
        return customers;
    }

    /** The earliest month kept now (see {@link MonthClose#earliestKept}). */
    public YearMonth earliestKept() {
        return months.earliestKept(clock.instant());
    }

    private YearMonth sweep() {
        YearMonth earliest = earliestKept();
        if (swept == null || swept.isBefore(earliest)) {
            tickets.values().removeIf(t -> {
                YearMonth month = month(t);
                return month == null || month.isBefore(earliest);
            });
            index.values().forEach(byMonth -> byMonth.keySet().removeIf(m -> m.isBefore(earliest)));
            index.values().removeIf(Map::isEmpty);
            swept = earliest;
        }
        return earliest;
    }

    /** How many tickets are kept (for tests and diagnostics). */
    synchronized int size() {
        sweep();
        return tickets.size();
    }
}
