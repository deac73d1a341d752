package no.biztek.support.escalation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.ContractTerms;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResolved;

/** Input events as the other services write them. */
public final class TestEvents {

    private TestEvents() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static TicketEvent ticketOpened(String ticketId, String customerId, Severity severity, Instant openedAt) {
        TicketOpened opened = TicketOpened.newBuilder()
                .setSource("portal").setExternalId("INC-" + ticketId).setSeverity(severity)
                .setTitle("E-mail is down").setDescription("Nobody can send e-mail")
                .setRequester(Person.newBuilder().setName("Per Kunde").setEmail("per@kunde.no").build())
                .setChannel(Channel.PORTAL).setOpenedAt(openedAt).build();
        return ticket(ticketId, customerId, "opened", openedAt, opened);
    }

    public static TicketEvent firstResponse(String ticketId, String customerId, Instant at) {
        return ticket(ticketId, customerId, "first-response", at,
                FirstResponseRecorded.newBuilder().setConsultant("Kari").setRespondedAt(at).build());
    }

    public static TicketEvent resolved(String ticketId, String customerId, Instant at) {
        return ticket(ticketId, customerId, "resolved", at, TicketResolved.newBuilder().setResolvedAt(at).build());
    }

    public static TicketEvent severityChanged(String ticketId, String customerId, Severity severity, Instant at) {
        SeverityChanged changed = SeverityChanged.newBuilder().setSeverity(severity)
                .setReason(SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE).setChangedAt(at).build();
        return ticket(ticketId, customerId, "severity-" + severity + "-" + at.toEpochMilli(), at, changed);
    }

    public static TicketEvent reopened(String ticketId, String customerId, Instant at) {
        return ticket(ticketId, customerId, "reopened-" + at.toEpochMilli(), at,
                TicketReopened.newBuilder().setReopenedAt(at).build());
    }

    private static TicketEvent ticket(String ticketId, String customerId, String kind, Instant at, Object payload) {
        return TicketEvent.newBuilder().setEventId(Ids.eventId(ticketId, kind)).setTicketId(ticketId)
                .setCustomerId(customerId).setOccurredAt(at).setProducer("intake-service").setPayload(payload).build();
    }

    public static SlaEvent breached(String ticketId, String customerId, Severity severity, Instant openedAt,
                                    Instant dueAt) {
        return breached(ticketId, customerId, severity, openedAt, dueAt, Ids.eventId(ticketId, "breached"));
    }

    /** A breach with its own event id (e.g. the one that follows a MET_WITHDRAWN correction). */
    public static SlaEvent breached(String ticketId, String customerId, Severity severity, Instant openedAt,
                                    Instant dueAt, String eventId) {
        return sla(eventId, ticketId, customerId, severity, openedAt, dueAt, dueAt,
                SlaBreached.newBuilder().setTargetMinutes(240).build());
    }

    public static SlaEvent met(String ticketId, String customerId, Severity severity, Instant openedAt, Instant dueAt,
                               Instant respondedAt) {
        return sla(Ids.eventId(ticketId, "met-" + respondedAt.toEpochMilli()), ticketId, customerId, severity,
                openedAt, dueAt, respondedAt, SlaMet.newBuilder().setRespondedAt(respondedAt).setConsultant("Kari")
                        .setBusinessMinutesUsed(60).setTargetMinutes(240).build());
    }

    /**
     * A correction of the verdict {@code supersededEventId} as sla-timer writes it; the envelope carries the
     * severity and {@code dueAt} after the correction.
     */
    public static SlaEvent corrected(String ticketId, String customerId, Severity severity, Instant openedAt,
                                     Instant dueAt, String supersededEventId, SlaCorrectionKind kind,
                                     SlaClockState state, Instant respondedAt, Instant at) {
        SlaCorrected correction = SlaCorrected.newBuilder().setSupersededEventId(supersededEventId).setKind(kind)
                .setState(state).setCauseEventId(Ids.eventId(ticketId, "late-fact")).setRespondedAt(respondedAt)
                .setBusinessMinutesUsed(60).build();
        return sla(Ids.eventId(ticketId, "corrected-" + supersededEventId + "-" + kind), ticketId, customerId,
                severity, openedAt, dueAt, at, correction);
    }

    private static SlaEvent sla(String eventId, String ticketId, String customerId, Severity severity,
                                Instant openedAt, Instant dueAt, Instant at, Object payload) {
        return SlaEvent.newBuilder().setEventId(eventId).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("sla-timer-service").setSeverity(severity)
                .setPolicyVersion("biztek-2020-01").setOpenedAt(openedAt).setDueAt(dueAt).setPayload(payload).build();
    }

    public static SlaEvent warning(String ticketId, String customerId, Severity severity, int percent,
                                   Instant openedAt, Instant dueAt) {
        return SlaEvent.newBuilder().setEventId(Ids.eventId(ticketId, "warning-" + percent)).setTicketId(ticketId)
                .setCustomerId(customerId).setOccurredAt(openedAt).setProducer("sla-timer-service")
                .setSeverity(severity).setPolicyVersion("biztek-2020-01").setOpenedAt(openedAt).setDueAt(dueAt)
                .setPayload(no.biztek.support.schemas.sla.SlaWarning.newBuilder().setThresholdPercent(percent)
                        .setBusinessMinutesElapsed(percent * 240L / 100).setTargetMinutes(240).build())
                .build();
    }

    public static EscalationEvent timeEntry(String ticketId, String customerId, String escalationId, Vendor vendor,
                                            String consultant, Instant startedAt, Instant endedAt) {
        String entryId = Ids.entryId(escalationId, consultant, startedAt.toEpochMilli(), endedAt.toEpochMilli());
        TimeEntryRecorded entry = TimeEntryRecorded.newBuilder().setEscalationId(escalationId).setEntryId(entryId)
                .setVendor(vendor).setConsultant(consultant).setStartedAt(startedAt).setEndedAt(endedAt).build();
        return EscalationEvent.newBuilder().setEventId(Ids.eventId(entryId, "time-entry")).setTicketId(ticketId)
                .setCustomerId(customerId).setOccurredAt(endedAt).setProducer("escalation-service").setPayload(entry)
                .build();
    }

    public static Customer customer(String customerId, ContractTerms contract) {
        return Customer.newBuilder().setCustomerId(customerId).setName("Kunde AS").setLocale(CustomerLocale.NB)
                .setNotificationContacts(List.of(Person.newBuilder().setName("Per").setEmail("per@kunde.no").build()))
                .setContract(contract).setUpdatedAt(Instant.parse("2026-01-01T00:00:00Z")).setProducer("intake-service")
                .build();
    }

    public static ContractTerms contract(boolean included, int incrementMinutes, String rate, String multiplier) {
        return ContractTerms.newBuilder().setVendorEscalationIncluded(included)
                .setBillingIncrementMinutes(incrementMinutes).setHourlyRateNok(new BigDecimal(rate))
                .setAfterHoursMultiplier(new BigDecimal(multiplier)).build();
    }
}
