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
import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.Draft;
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
 * The ticket-partitioned half of the pipeline: turns vendor escalation events into notifications (once
 * per cause eventId), keeps each open escalation's keep-informed timer, and records what each ticket's
 * customer was told. Emits drafts keyed by customerId for the customer-partitioned half.
 */
final class CauseLogic {

    static final String DRAFTS_SINK = StageNames.DRAFTS_SINK;

    private static final Logger log = LoggerFactory.getLogger(CauseLogic.class);
    private static final int MAX_PER_PUNCTUATION = 1000;

    private final ProcessorContext<String, Object> context;
    private final PipelineSettings settings;
    private final KeyValueStore<String, TicketInfo> tickets;
    private final KeyValueStore<String, EscalationState> escalations;
    private final KeyValueStore<String, String> timers;
    private final KeyValueStore<String, Long> seenCauses;
    private final KeyValueStore<String, ParkedDraft> awaitingTicket;
    private final KeyValueStore<String, NotificationHistory> history;
    private final KeyValueStore<String, String> pending;
    private Instant lastPurge = Instant.EPOCH;

    CauseLogic(ProcessorContext<String, Object> context, PipelineSettings settings) {
        this.context = context;
        this.settings = settings;
        this.tickets = context.getStateStore(StoreNames.TICKETS);
        this.escalations = context.getStateStore(StoreNames.ESCALATIONS);
        this.timers = context.getStateStore(StoreNames.CADENCE_INDEX);
        this.seenCauses = context.getStateStore(StoreNames.SEEN_CAUSES);
        this.awaitingTicket = context.getStateStore(StoreNames.AWAITING_TICKET);
        this.history = context.getStateStore(StoreNames.HISTORY);
        this.pending = context.getStateStore(StoreNames.PENDING);
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
            releaseAwaiting(info);
        } else if (payload instanceof TicketResolved) {
            TicketInfo known = tickets.get(ticketId);
            if (known != null) {
                tickets.put(ticketId, known.withResolved(true));
                forEachEscalation(ticketId, state -> unschedule(state));
            }
        } else if (payload instanceof TicketReopened reopened) {
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
        seenCauses.put(cause, now.toEpochMilli());
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
            park(draft, now);
        } else {
            emit(withTicket(draft, ticket), now);
        }
    }

    // ---- notification events (the sender's outcomes) -----------------------------------------------

    void onNotificationEvent(NotificationEvent event) {
        String ticketId = event.getTicketId();
        NotificationHistory known = history.get(ticketId);
        NotificationHistory current = known == null ? NotificationHistory.empty() : known;
        Object payload = event.getPayload();
        if (payload instanceof CustomerNotified notified) {
            AuditEntry before = current.find(notified.getNotificationId()).orElse(null);
            history.put(ticketId, current.withNotified(notified, event.getOccurredAt()));
            removePending(before);
            String escalationId = before == null ? null : before.escalationId();
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
        releaseExpiredWaits(now);
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
            timers.delete(timer);
            String escalationKey = CadenceIndex.escalationKeyOf(timer);
            EscalationState state = escalations.get(escalationKey);
            Instant dueAt = CadenceIndex.due(timer);
            if (state == null || !dueAt.equals(state.reminderDueAt())) {
                continue; // superseded: the escalation closed, or a mail moved the reminder
            }
            TicketInfo ticket = tickets.get(state.ticketId());
            if (ticket != null && ticket.resolved()) {
                escalations.put(escalationKey, state.withReminderDueAt(null));
                continue;
            }
            String cause = Ids.reminderCause(escalationKey, dueAt.toEpochMilli());
            if (seenCauses.get(cause) != null) {
                continue;
            }
            seenCauses.put(cause, now.toEpochMilli());
            log.info("Ticket {}: the customer has heard nothing about escalation {} since the reminder due {}; "
                    + "sending a still-working update", state.ticketId(), state.escalationId(), dueAt);
            Draft draft = draft(cause, NotificationTemplate.VENDOR_STILL_WORKING, state, null, now);
            emit(ticket == null ? draft : withTicket(draft, ticket), now);
        }
    }

    private void releaseExpiredWaits(Instant now) {
        List<KeyValue<String, ParkedDraft>> expired = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaitingTicket.all()) {
            while (it.hasNext() && expired.size() < MAX_PER_PUNCTUATION) {
                KeyValue<String, ParkedDraft> parked = it.next();
                if (!parked.value.parkedAt().plus(settings.awaitingGrace()).isAfter(now)) {
                    expired.add(parked);
                }
            }
        }
        expired.sort(Comparator.comparing(kv -> kv.value.draft().issuedAt()));
        for (KeyValue<String, ParkedDraft> parked : expired) {
            awaitingTicket.delete(parked.key);
            log.warn("Ticket {} is still unknown after {}; notifying customer {}'s contacts without the requester",
                    parked.value.draft().ticketId(), settings.awaitingGrace(), parked.value.draft().customerId());
            emit(parked.value.draft(), now);
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

    private static Draft withTicket(Draft draft, TicketInfo ticket) {
        return draft.withTicket(ticket.customerId(), ticket.reference(), ticket.title(), ticket.requester());
    }

    private void park(Draft draft, Instant now) {
        log.info("Ticket {} is not known yet; notification {} waits for its TicketOpened (at most {})",
                draft.ticketId(), draft.notificationId(), settings.awaitingGrace());
        awaitingTicket.put(CadenceIndex.escalationKey(draft.ticketId(), draft.notificationId()),
                new ParkedDraft(draft, now));
        recordPending(draft);
    }

    private void releaseAwaiting(TicketInfo ticket) {
        List<KeyValue<String, ParkedDraft>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaitingTicket.prefixScan(
                CadenceIndex.ticketPrefix(ticket.ticketId()), Serdes.String().serializer())) {
            it.forEachRemaining(waiting::add);
        }
        waiting.sort(Comparator.comparing(kv -> kv.value.draft().issuedAt()));
        Instant now = settings.clock().instant();
        for (KeyValue<String, ParkedDraft> parked : waiting) {
            awaitingTicket.delete(parked.key);
            emit(withTicket(parked.value.draft(), ticket), now);
        }
    }

    private void emit(Draft draft, Instant now) {
        context.forward(new Record<String, Object>(draft.customerId(), draft, now.toEpochMilli()), DRAFTS_SINK);
        recordPending(draft);
        if (draft.template() == NotificationTemplate.VENDOR_ESCALATION_CLOSED) {
            return;
        }
        EscalationState state = escalations.get(CadenceIndex.escalationKey(draft.ticketId(), draft.escalationId()));
        TicketInfo ticket = tickets.get(draft.ticketId());
        if (state != null && (ticket == null || !ticket.resolved())) {
            Instant due = KeepInformed.reminderDue(settings.policy(state.policyId()), now);
            reschedule(state, KeepInformed.later(state.reminderDueAt(), due));
        }
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
        if (ticket != null && ticket.resolved()) {
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
