package no.biztek.support.testing;

import java.time.Instant;
import java.util.UUID;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;

/** Ticket events as intake would publish them, for tests and the SLA load driver (benchmarks). */
public final class TicketEvents {

    private TicketEvents() {
    }

    public static String newTicketId() {
        return "t-" + UUID.randomUUID();
    }

    public static TicketEvent opened(String ticketId, Severity severity, Instant openedAt) {
        return event(ticketId, openedAt, TicketOpened.newBuilder().setSource("test").setExternalId(ticketId)
                .setSeverity(severity).setTitle("E-post nede").setDescription("Ingen får sendt e-post")
                .setRequester(new Person("Kari Nordmann", "kari@kunde.no")).setChannel(Channel.PORTAL)
                .setOpenedAt(openedAt).build());
    }

    public static TicketEvent responded(String ticketId, Instant respondedAt) {
        return event(ticketId, respondedAt, FirstResponseRecorded.newBuilder().setConsultant("per@biztek.no")
                .setRespondedAt(respondedAt).build());
    }

    public static TicketEvent severityChanged(String ticketId, Severity severity, SeverityChangeReason reason,
                                              Instant changedAt) {
        return event(ticketId, changedAt, SeverityChanged.newBuilder().setSeverity(severity).setReason(reason)
                .setChangedAt(changedAt).build());
    }

    public static TicketEvent resolved(String ticketId, Instant resolvedAt) {
        return event(ticketId, resolvedAt, TicketResolved.newBuilder().setResolvedAt(resolvedAt).build());
    }

    public static TicketEvent reopened(String ticketId, Instant reopenedAt) {
        return event(ticketId, reopenedAt, TicketReopened.newBuilder().setReopenedAt(reopenedAt).build());
    }

    /** A hold for {@code reason}, a code the policy may or may not know. */
    public static TicketEvent held(String ticketId, String reason, Instant heldAt) {
        return event(ticketId, heldAt, TicketHeld.newBuilder().setReason(reason).setHeldAt(heldAt).build());
    }

    public static TicketEvent resumed(String ticketId, Instant resumedAt) {
        return event(ticketId, resumedAt, TicketResumed.newBuilder().setResumedAt(resumedAt).build());
    }

    private static TicketEvent event(String ticketId, Instant occurredAt, Object payload) {
        return TicketEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTicketId(ticketId)
                .setCustomerId("customer-1").setOccurredAt(occurredAt).setProducer("intake-service")
                .setPayload(payload).build();
    }
}
