package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.audit.PendingIndex;
import no.biztek.support.notification.cadence.CadenceIndex;
import no.biztek.support.notification.cadence.KeepInformed;
import no.biztek.support.notification.compose.ComposedMail;
import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.pipeline.Ids;
import no.biztek.support.notification.pipeline.ParkedDraft;
import no.biztek.support.notification.pipeline.PipelineSettings;
import no.biztek.support.notification.pipeline.StageNames;
import no.biztek.support.notification.pipeline.StoreNames;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/**
 * The pipeline's logic, partitioned by ticket: turns vendor escalation events into mail commands (once per
 * cause eventId), worded for the ticket's customer from the global customer directory; keeps each open
 * escalation's keep-informed timer; records what each ticket's customer was told. A notification whose
 * ticket or customer is not known yet waits in the awaiting store and is looked at again by the punctuator.
 */
final class CauseLogic {

    static final String COMMANDS_SINK = StageNames.COMMANDS_SINK;

    private static final Logger log = LoggerFactory.getLogger(CauseLogic.class);
    private static final int MAX_PER_PUNCTUATION = 1000;

    private final ProcessorContext<String, Object> context;
    private final PipelineSettings settings;
    private final MailComposer composer;
    private final KeyValueStore<String, TicketInfo> tickets;
    private final KeyValueStore<String, EscalationState> escalations;
    private final KeyValueStore<String, String> timers;
    private final KeyValueStore<String, Long> seenCauses;
    private final KeyValueStore<String, ParkedDraft> awaiting;
    private final KeyValueStore<String, NotificationHistory> history;
    private final KeyValueStore<String, String> pending;
    private final KeyValueStore<String, CustomerView> customers;
    private Instant lastPurge = Instant.EPOCH;

    CauseLogic(ProcessorContext<String, Object> context, PipelineSettings settings, MailComposer composer) {
        this.context = context;
        this.settings = settings;
        this.composer = composer;
        this.tickets = context.getStateStore(StoreNames.TICKETS);
        this.escalations = context.getStateStore(StoreNames.ESCALATIONS);
        this.timers = context.getStateStore(StoreNames.CADENCE_INDEX);
        this.seenCauses = context.getStateStore(StoreNames.SEEN_CAUSES);
        this.awaiting = context.getStateStore(StoreNames.AWAITING);
        this.history = context.getStateStore(StoreNames.HISTORY);
        this.pending = context.getStateStore(StoreNames.PENDING);
        this.customers = context.getStateStore(StoreNames.CUSTOMER_DIRECTORY);
    }

    // ---- ticket events -------------------------------------------------------------------------

    void onTicketEvent(TicketEvent event) {
        String ticketId = event.getTicketId();
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened opened) {
            TicketInfo known = tickets.get(ticketId);
            Person requester = opened.getRequester();
            TicketInfo info = new TicketInfo(ticketId, event.getCustomerId(), opened.getExternalId(),
                    opened.getTitle(), requester == null ? null : new Contact(requester.getName(), requester.getEmail()),
                    opened.getOpenedAt(), known != null && known.resolved());
            tickets.put(ticketId, info);
            adoptEscalations(info);
            Instant now = settings.clock().instant();
            CustomerView customer = customers.get(info.customerId());
            if (customer != null) {
                releaseAwaiting(info, customer, now);
            }
            if (known == null) {
                // an escalation that arrived before its ticket (and whose notification may have failed) still
                // owes the customer the keep-informed updates from now on
                forEachEscalation(ticketId, state -> {
                    if (state.reminderDueAt() == null) {
                        reschedule(state, KeepInformed.reminderDue(settings.policy(state.policyId()), now));
                    }
                });
            }
        } else if (payload instanceof TicketResolved) {
            TicketInfo known = tickets.get(ticketId);
            if (known != null) {
                tickets.put(ticketId, known.withResolved(true));
                forEachEscalation(ticketId, state -> unschedule(state));
            }
        } else if (payload instanceof TicketReopened) {
            TicketInfo known = tickets.get(ticketId);
            if (known != null && known.resolved()) {
                tickets.put(ticketId, known.withResolved(false));
                Instant from = settings.clock().instant();
                forEachEscalation(ticketId, state -> reschedule(state,
                        KeepInformed.reminderDue(settings.policy(state.policyId()), from)));
            }
        }
    }

    // ---- escalation events ---------------------------------------------------------------------

    void onEscalationEvent(EscalationEvent event) {
        Object payload = event.getPayload();
        if (!(payload instanceof VendorEscalationOpened || payload instanceof VendorStatusChanged
                || payload instanceof VendorEscalationClosed)) {
            return;
        }
        String cause = event.getEventId();
        if (seenCauses.get(cause) != null) {
            log.info("Cause {} of ticket {} was already told; not telling it again", cause, event.getTicketId());
            return;
        }
        Instant now = settings.clock().instant();
        Instant oldest = now.minus(settings.maxCauseAge());
        if (event.getOccurredAt().isBefore(oldest)) {
            settings.metrics().staleCause();
            log.warn("Cause {} ({}) of ticket {} occurred at {}, longer ago than the maximum cause age {}; not telling"
                    + " it (it may have been told before its dedup memory expired)", cause,
                    payload.getClass().getSimpleName(), event.getTicketId(), event.getOccurredAt(),
                    settings.maxCauseAge());
            return;
        }
        String ticketId = event.getTicketId();
        TicketInfo ticket = tickets.get(ticketId);
        String customerId = ticket != null ? ticket.customerId() : event.getCustomerId();
        if (ticket != null && !ticket.customerId().equals(event.getCustomerId())) {
            log.warn("Escalation event {} names customer {} but ticket {} belongs to customer {}; telling the ticket's"
                    + " customer only", cause, event.getCustomerId(), ticketId, ticket.customerId());
        }
        SlaPolicy policy = settings.policyAt(ticket != null ? ticket.openedAt() : event.getOccurredAt());
        Instant at = event.getOccurredAt();

        Draft draft;
        if (payload instanceof VendorEscalationOpened opened) {
            EscalationState state = new EscalationState(ticketId, customerId, opened.getEscalationId(),
                    opened.getVendor(), opened.getVendorService(), opened.getVendorCaseReference(),
                    VendorCaseStatus.REPORTED, null, at, policy.id(), null);
            EscalationState existing = escalations.get(key(state));
            escalations.put(key(state), existing == null ? state : state.withReminderDueAt(existing.reminderDueAt()));
            draft = draft(cause, NotificationTemplate.VENDOR_ESCALATION_OPENED, state, null, now);
        } else if (payload instanceof VendorStatusChanged changed) {
            String key = CadenceIndex.escalationKey(ticketId, changed.getEscalationId());
            EscalationState state = escalations.get(key);
            if (state == null) {
                state = new EscalationState(ticketId, customerId, changed.getEscalationId(), changed.getVendor(), null,
                        changed.getVendorCaseReference(), changed.getStatus(), changed.getMessage(), at, policy.id(),
                        null);
            }
            state = state.withStatus(changed.getStatus(), changed.getMessage(), at, changed.getVendorCaseReference());
            escalations.put(key, state);
            draft = draft(cause, NotificationTemplate.VENDOR_STATUS_CHANGED, state, null, now);
        } else {
            VendorEscalationClosed closed = (VendorEscalationClosed) payload;
            String key = CadenceIndex.escalationKey(ticketId, closed.getEscalationId());
            EscalationState state = escalations.get(key);
            if (state == null) {
                state = new EscalationState(ticketId, customerId, closed.getEscalationId(), closed.getVendor(), null,
                        closed.getVendorCaseReference(), null, null, at, policy.id(), null);
            } else {
                unschedule(state);
                escalations.delete(key);
            }
            draft = draft(cause, NotificationTemplate.VENDOR_ESCALATION_CLOSED, state, closed.getResolution(), now);
        }

        if (ticket == null) {
            park(draft, now, "its ticket's TicketOpened");
        } else {
            tell(withTicket(draft, ticket), ticket, now);
        }
        // the last write: should anything above fail, the record is dead-lettered without being marked as told,
        // so replaying it once the fault is fixed tells it
        seenCauses.put(cause, now.toEpochMilli());
    }

    // ---- notification events (the sender's outcomes) -----------------------------------------------

    void onNotificationEvent(NotificationEvent event) {
        String ticketId = event.getTicketId();
        NotificationHistory known = history.get(ticketId);
        NotificationHistory current = known == null ? NotificationHistory.empty() : known;
        Object payload = event.getPayload();
        if (payload instanceof CustomerNotified notified) {
            AuditEntry before = current.find(notified.getNotificationId()).orElse(null);
            NotificationHistory updated = current.withNotified(notified, event.getOccurredAt());
            history.put(ticketId, updated);
            removePending(before);
            String escalationId = updated.find(notified.getNotificationId()).map(AuditEntry::escalationId)
                    .orElse(null);
            forEachEscalation(ticketId, state -> {
                if (escalationId == null || escalationId.equals(state.escalationId())) {
                    heardFromUs(state, event.getOccurredAt());
                }
            });
        } else if (payload instanceof CustomerNotificationFailed failed) {
            AuditEntry before = current.find(failed.getNotificationId()).orElse(null);
            history.put(ticketId, current.withFailed(failed, event.getOccurredAt()));
            removePending(before);
        }
    }

    // ---- wall-clock punctuation --------------------------------------------------------------------

    void punctuate() {
        Instant now = settings.clock().instant();
        fireDueReminders(now);
        recheckAwaiting(now);
        purgeSeenCauses(now);
    }

    private void fireDueReminders(Instant now) {
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = timers.range(CadenceIndex.first(), CadenceIndex.lastDueAt(now))) {
            while (it.hasNext() && due.size() < MAX_PER_PUNCTUATION) {
                due.add(it.next().key);
            }
        }
        for (String timer : due) {
            String escalationKey = CadenceIndex.escalationKeyOf(timer);
            EscalationState state = escalations.get(escalationKey);
            Instant dueAt = CadenceIndex.due(timer);
            if (state == null || !dueAt.equals(state.reminderDueAt())) {
                timers.delete(timer); // superseded: the escalation closed, or a mail moved the reminder
                continue;
            }
            TicketInfo ticket = tickets.get(state.ticketId());
            if (ticket == null || ticket.resolved()) {
                // resolved: no reminders; unknown: no verified customer to remind
                escalations.put(escalationKey, state.withReminderDueAt(null));
                timers.delete(timer);
                continue;
            }
            String cause = Ids.reminderCause(escalationKey, dueAt.toEpochMilli());
            if (seenCauses.get(cause) != null) {
                timers.delete(timer);
                continue;
            }
            log.info("Ticket {}: the customer has heard nothing about escalation {} since the reminder due {}; "
                    + "sending a still-working update", state.ticketId(), state.escalationId(), dueAt);
            Draft draft = draft(cause, NotificationTemplate.VENDOR_STILL_WORKING, state, null, now);
            tell(withTicket(draft, ticket), ticket, now);
            // only once the reminder is out (or waiting for its customer): a failure above leaves the timer due
            timers.delete(timer);
            seenCauses.put(cause, now.toEpochMilli());
        }
    }

    /** Notifications waiting for their ticket or customer: sent once known, or given up / narrowed after the grace. */
    private void recheckAwaiting(Instant now) {
        List<KeyValue<String, ParkedDraft>> parked = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaiting.all()) {
            it.forEachRemaining(parked::add);
        }
        parked.sort(Comparator.comparing(kv -> kv.value, ParkedDraft.DECISION_ORDER));
        int handled = 0;
        for (KeyValue<String, ParkedDraft> waiting : parked) {
            if (handled >= MAX_PER_PUNCTUATION) {
                return;
            }
            Draft draft = waiting.value.draft();
            boolean expired = !waiting.value.parkedAt().plus(settings.awaitingGrace()).isAfter(now);
            TicketInfo ticket = tickets.get(draft.ticketId());
            if (ticket == null) {
                if (expired) {
                    log.warn("Ticket {} is still unknown after {}; notification {} is not sent to the customer named by"
                            + " the escalation event ({}), which nothing verifies, and is reported as failed",
                            draft.ticketId(), settings.awaitingGrace(), draft.notificationId(), draft.customerId());
                    emitUndeliverable(draft, "ticket unknown: no TicketOpened for ticket " + draft.ticketId()
                            + " within " + settings.awaitingGrace() + ", so its customer cannot be verified", now);
                    awaiting.delete(waiting.key);
                    handled++;
                }
                continue;
            }
            CustomerView customer = customers.get(ticket.customerId());
            if (customer != null) {
                emit(withTicket(draft, ticket), customer, now);
                awaiting.delete(waiting.key);
                handled++;
            } else if (expired) {
                log.warn("Customer {} is still not in the directory after {}; notifying the ticket's requester only, in"
                        + " the default language", ticket.customerId(), settings.awaitingGrace());
                emit(withTicket(draft, ticket), null, now);
                awaiting.delete(waiting.key);
                handled++;
            }
        }
    }

    private void purgeSeenCauses(Instant now) {
        if (now.isBefore(lastPurge.plusSeconds(3600))) {
            return;
        }
        lastPurge = now;
        long oldest = now.minus(settings.dedupRetention()).toEpochMilli();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seenCauses.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> seen = it.next();
                if (seen.value < oldest) {
                    expired.add(seen.key);
                }
            }
        }
        expired.forEach(seenCauses::delete);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Draft draft(String cause, NotificationTemplate template, EscalationState state, String resolution,
                        Instant now) {
        SlaPolicy policy = settings.policy(state.policyId());
        return new Draft(Ids.notificationId(cause, template), cause, template, state.escalationId(), state.ticketId(),
                state.customerId(), state.ticketId(), null, null, state.vendor(), state.vendorService(),
                state.caseReference(), state.status(), state.vendorMessage(), resolution, state.statusAt(),
                KeepInformed.cadence(policy), policy.calendar().zone().getId(), now);
    }

    /** The draft completed from its ticket: customer, reference, title, requester and the ticket's policy. */
    private Draft withTicket(Draft draft, TicketInfo ticket) {
        SlaPolicy policy = settings.policyAt(ticket.openedAt());
        return draft.withTicket(ticket.customerId(), ticket.reference(), ticket.title(), ticket.requester())
                .withPolicy(KeepInformed.cadence(policy), policy.calendar().zone().getId());
    }

    /** Once the ticket is known, its customer and its policy version (from openedAt) rule its escalations. */
    private void adoptEscalations(TicketInfo ticket) {
        String policyId = settings.policyAt(ticket.openedAt()).id();
        forEachEscalation(ticket.ticketId(), state -> {
            if (!state.policyId().equals(policyId) || !state.customerId().equals(ticket.customerId())) {
                escalations.put(key(state), state.withTicket(ticket.customerId(), policyId));
            }
        });
    }

    /** Tells a notification of a known ticket now, if its customer is known, after any that wait before it. */
    private void tell(Draft draft, TicketInfo ticket, Instant now) {
        CustomerView customer = customers.get(ticket.customerId());
        if (customer == null) {
            park(draft, now, "customer " + ticket.customerId() + "'s directory entry");
            return;
        }
        releaseAwaiting(ticket, customer, now);
        emit(draft, customer, now);
    }

    private void park(Draft draft, Instant now, String awaited) {
        log.info("Ticket {}: notification {} waits for {} (at most {})", draft.ticketId(), draft.notificationId(),
                awaited, settings.awaitingGrace());
        recordPending(draft);
        long sequence = waitingOf(draft.ticketId()).stream().mapToLong(kv -> kv.value.sequence() + 1).max().orElse(0);
        awaiting.put(CadenceIndex.escalationKey(draft.ticketId(), draft.notificationId()),
                new ParkedDraft(draft, now, sequence));
    }

    /** The ticket's waiting notifications, in the order they were decided. */
    private List<KeyValue<String, ParkedDraft>> waitingOf(String ticketId) {
        List<KeyValue<String, ParkedDraft>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaiting.prefixScan(CadenceIndex.ticketPrefix(ticketId),
                Serdes.String().serializer())) {
            it.forEachRemaining(waiting::add);
        }
        waiting.sort(Comparator.comparing(kv -> kv.value, ParkedDraft.DECISION_ORDER));
        return waiting;
    }

    /** Sends every notification of the ticket that waits, oldest first. */
    private void releaseAwaiting(TicketInfo ticket, CustomerView customer, Instant now) {
        for (KeyValue<String, ParkedDraft> parked : waitingOf(ticket.ticketId())) {
            emit(withTicket(parked.value.draft(), ticket), customer, now);
            awaiting.delete(parked.key);
        }
    }

    /**
     * Words the notification for the customer (null: unknown, so the requester only, in bokmål) and produces its
     * mail command. A notification without any recipient is still produced, marked undeliverable, so that the
     * sender reports it like any other failure (dead letter, CustomerNotificationFailed, metric).
     */
    private void emit(Draft draft, CustomerView customer, Instant now) {
        ComposedMail mail = customer == null
                ? composer.compose(draft, null, null, List.of())
                : composer.compose(draft, customer.locale(), customer.name(), customer.contacts());
        String undeliverable = null;
        if (mail.recipients().isEmpty()) {
            undeliverable = "no recipients: the ticket's requester has no e-mail address and customer "
                    + draft.customerId() + (customer == null ? " is not in the directory" : " has no notification contacts");
            log.warn("Notification {} of ticket {}: {}", draft.notificationId(), draft.ticketId(), undeliverable);
        }
        produce(draft, mail, undeliverable, now);
        if (draft.template() == NotificationTemplate.VENDOR_ESCALATION_CLOSED) {
            return;
        }
        EscalationState state = escalations.get(CadenceIndex.escalationKey(draft.ticketId(), draft.escalationId()));
        TicketInfo ticket = tickets.get(draft.ticketId());
        if (state != null && ticket != null && !ticket.resolved()) {
            Instant due = KeepInformed.reminderDue(settings.policy(state.policyId()), now);
            reschedule(state, KeepInformed.later(state.reminderDueAt(), due));
        }
    }

    /** A notification that must not be sent (its ticket is unknown): a command without recipients, reported as failed. */
    private void emitUndeliverable(Draft draft, String reason, Instant now) {
        ComposedMail mail = composer.compose(draft, null, null, List.of());
        produce(draft, new ComposedMail(mail.locale(), List.of(), mail.subject(), mail.text(), mail.html()), reason,
                now);
    }

    private void produce(Draft draft, ComposedMail mail, String undeliverable, Instant now) {
        recordPending(draft); // reads the audit store: may fail, so before anything is produced
        NotificationCommand command = new NotificationCommand(draft.notificationId(), draft.causeEventId(),
                draft.template(), draft.ticketId(), draft.customerId(), draft.escalationId(), mail.locale(),
                mail.recipients(), mail.subject(), mail.text(), mail.html(), draft.issuedAt(), undeliverable);
        context.forward(new Record<String, Object>(draft.ticketId(), command, now.toEpochMilli()), COMMANDS_SINK);
    }

    private void recordPending(Draft draft) {
        NotificationHistory known = history.get(draft.ticketId());
        NotificationHistory current = known == null ? NotificationHistory.empty() : known;
        if (current.find(draft.notificationId()).isPresent()) {
            return;
        }
        history.put(draft.ticketId(), current.withPending(AuditEntry.pending(draft.notificationId(),
                draft.causeEventId(), draft.template().name(), draft.escalationId(), draft.issuedAt())));
        pending.put(PendingIndex.key(draft.issuedAt(), draft.notificationId()), draft.ticketId());
    }

    private void removePending(AuditEntry entry) {
        if (entry != null && entry.issuedAt() != null) {
            pending.delete(PendingIndex.key(entry.issuedAt(), entry.notificationId()));
        }
    }

    /** A mail about the escalation reached the customer at {@code at}: the next reminder is due a cadence later. */
    private void heardFromUs(EscalationState state, Instant at) {
        TicketInfo ticket = tickets.get(state.ticketId());
        if (ticket == null || ticket.resolved()) {
            return;
        }
        Instant due = KeepInformed.reminderDue(settings.policy(state.policyId()), at);
        reschedule(state, KeepInformed.later(state.reminderDueAt(), due));
    }

    private void reschedule(EscalationState state, Instant due) {
        String key = key(state);
        if (state.reminderDueAt() != null) {
            if (state.reminderDueAt().equals(due)) {
                return;
            }
            timers.delete(CadenceIndex.timerKey(state.reminderDueAt(), key));
        }
        timers.put(CadenceIndex.timerKey(due, key), "");
        escalations.put(key, state.withReminderDueAt(due));
    }

    private void unschedule(EscalationState state) {
        if (state.reminderDueAt() != null) {
            timers.delete(CadenceIndex.timerKey(state.reminderDueAt(), key(state)));
            escalations.put(key(state), state.withReminderDueAt(null));
        }
    }

    private void forEachEscalation(String ticketId, Consumer<EscalationState> action) {
        List<EscalationState> states = new ArrayList<>();
        try (KeyValueIterator<String, EscalationState> it = escalations.prefixScan(
                CadenceIndex.ticketPrefix(ticketId), Serdes.String().serializer())) {
            it.forEachRemaining(kv -> states.add(kv.value));
        }
        states.forEach(action);
    }

    private static String key(EscalationState state) {
        return CadenceIndex.escalationKey(state.ticketId(), state.escalationId());
    }
}
