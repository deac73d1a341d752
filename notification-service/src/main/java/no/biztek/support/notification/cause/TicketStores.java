package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.kafka.timer.TimerIndexRebuild;
import no.biztek.support.kafka.timer.TimerIndexRebuild.Source;
import no.biztek.support.notification.cadence.CadenceIndex;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.notification.stage.StoreNames;

/**
 * The stores of the ticket stage's own data: tickets, vendor escalations with their keep-informed timers (the
 * {@code cadence-due} TimerIndex, see CadenceIndex), waiting notifications; and the customer directory it reads. Reads
 * a ticket into a snapshot, writes a decision's changes.
 */
final class TicketStores {

    private final KeyValueStore<String, TicketInfo> tickets;
    private final KeyValueStore<String, EscalationState> escalations;
    private final TimerIndex timers;
    private final KeyValueStore<String, ParkedDraft> awaiting;
    private final KeyValueStore<String, CustomerView> customers;

    TicketStores(ProcessorContext<?, ?> context) {
        this.tickets = context.getStateStore(StoreNames.TICKETS);
        this.escalations = context.getStateStore(StoreNames.ESCALATIONS);
        this.awaiting = context.getStateStore(StoreNames.AWAITING);
        this.customers = context.getStateStore(StoreNames.CUSTOMER_DIRECTORY);
        KeyValueStore<Bytes, byte[]> timerStore = context.getStateStore(StoreNames.CADENCE_INDEX);
        TimerIndexRebuild.unlessMarkedCurrent(timerStore, context.getStateStore(StoreNames.TIMER_INDEX_FORMAT),
                StoreNames.CADENCE_INDEX, List.of(new Source<>(escalations, (key, escalation) ->
                        Stream.ofNullable(escalation.reminderDueAt()).map(due -> CadenceIndex.timer(due, key)).toList())));
        this.timers = new TimerIndex(timerStore);
    }

    TicketSnapshot read(String ticketId) {
        return read(ticketId, null);
    }

    /** @param customerId whose directory entry to include; null: the known ticket's customer */
    TicketSnapshot read(String ticketId, String customerId) {
        TicketInfo ticket = tickets.get(ticketId);
        String customer = customerId != null ? customerId : ticket == null ? null : ticket.customerId();
        List<EscalationState> states = new ArrayList<>();
        try (KeyValueIterator<String, EscalationState> it = escalations.prefixScan(CadenceIndex.ticketPrefix(ticketId),
                Serdes.String().serializer())) {
            it.forEachRemaining(kv -> states.add(kv.value));
        }
        List<Waiting> waiting = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaiting.prefixScan(CadenceIndex.ticketPrefix(ticketId),
                Serdes.String().serializer())) {
            it.forEachRemaining(kv -> waiting.add(new Waiting(kv.key, kv.value)));
        }
        return TicketSnapshot.of(ticketId, ticket, states, waiting, customer == null ? null : customers.get(customer));
    }

    EscalationState escalation(String key) {
        return escalations.get(key);
    }

    /**
     * The timers due at or before {@code now}, oldest first, at most {@code max}; they leave the index (see
     * {@link #reschedule}).
     */
    List<ReminderTimer> takeDueTimers(Instant now, int max) {
        return timers.due(now, max).stream().filter(timer -> timer.is(CadenceIndex.KIND)).map(ReminderTimer::of)
                .toList();
    }

    /** Timers taken but not handled (their decision failed): due again, so the next run handles them. */
    void reschedule(List<ReminderTimer> taken) {
        taken.forEach(timer -> timers.schedule(timer.timer()));
    }

    /** Every notification that waits, of every ticket of the task. */
    List<Waiting> allWaiting() {
        List<Waiting> waiting = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaiting.all()) {
            it.forEachRemaining(kv -> waiting.add(new Waiting(kv.key, kv.value)));
        }
        return waiting;
    }

    /** The decision's ticket, escalations (moving their timers) and waiting notifications. */
    void write(Decision decision) {
        if (decision.ticket() != null) {
            tickets.put(decision.ticketId(), decision.ticket());
        }
        for (EscalationChange change : decision.escalations()) {
            if (change.after() == null) {
                escalations.delete(change.key());
            } else {
                escalations.put(change.key(), change.after());
            }
            timers.reschedule(CadenceIndex.timer(change.dueBefore(), change.key()),
                    CadenceIndex.timer(change.dueAfter(), change.key()));
        }
        decision.released().forEach(waiting -> awaiting.delete(waiting.key()));
        if (decision.parked() != null) {
            Parking parking = decision.parked();
            awaiting.put(CadenceIndex.escalationKey(parking.parked().draft().ticketId(),
                    parking.parked().draft().notificationId()), parking.parked());
        }
    }
}
