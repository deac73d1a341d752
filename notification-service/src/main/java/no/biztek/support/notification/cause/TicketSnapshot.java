package no.biztek.support.notification.cause;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import no.biztek.support.notification.cadence.CadenceIndex;
import no.biztek.support.notification.customer.CustomerView;

/**
 * What the rules see of one ticket.
 *
 * @param ticket      from its TicketOpened; null when none was seen
 * @param escalations its vendor escalations by key, in store order
 * @param waiting     its notifications that wait, in the order decided
 * @param customer    the directory entry of its customer; null when not in the directory or the ticket is unknown
 */
record TicketSnapshot(String ticketId, TicketInfo ticket, Map<String, EscalationState> escalations,
                      List<Waiting> waiting, CustomerView customer) {

    TicketSnapshot {
        Objects.requireNonNull(ticketId, "ticketId");
        escalations = Collections.unmodifiableMap(new LinkedHashMap<>(escalations));
        waiting = waiting.stream().sorted(Waiting.DECISION_ORDER).toList();
    }

    static TicketSnapshot of(String ticketId, TicketInfo ticket, List<EscalationState> escalations,
                             List<Waiting> waiting, CustomerView customer) {
        Map<String, EscalationState> byKey = new LinkedHashMap<>();
        escalations.forEach(state -> byKey.put(keyOf(state), state));
        return new TicketSnapshot(ticketId, ticket, byKey, waiting, customer);
    }

    EscalationState escalation(String key) {
        return escalations.get(key);
    }

    /** The key of an escalation; also part of its reminders' synthetic cause ids, so it must not change. */
    static String keyOf(String ticketId, String escalationId) {
        return CadenceIndex.escalationKey(ticketId, escalationId);
    }

    static String keyOf(EscalationState state) {
        return keyOf(state.ticketId(), state.escalationId());
    }
}
