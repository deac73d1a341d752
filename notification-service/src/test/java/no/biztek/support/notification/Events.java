package no.biztek.support.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/** Input events as the other services write them. */
public final class Events {

    private Events() {
    }

    public static String id() {
        return UUID.randomUUID().toString();
    }

    public static Person person(String name, String email) {
        return Person.newBuilder().setName(name).setEmail(email).build();
    }

    public static TicketEvent ticketOpened(String ticketId, String customerId, String externalId, String title,
                                           Person requester, Instant openedAt) {
        return TicketEvent.newBuilder().setEventId(id()).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(openedAt).setProducer("intake-service")
                .setPayload(TicketOpened.newBuilder().setSource("zendesk").setExternalId(externalId)
                        .setSeverity(Severity.SERIOUS).setTitle(title).setDescription("Users cannot sign in")
                        .setRequester(requester).setChannel(Channel.ZENDESK).setVendor(Vendor.MICROSOFT)
                        .setVendorService("M365").setOpenedAt(openedAt).build())
                .build();
    }

    public static TicketEvent ticketResolved(String ticketId, String customerId, Instant at) {
        return TicketEvent.newBuilder().setEventId(id()).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("intake-service")
                .setPayload(TicketResolved.newBuilder().setResolvedAt(at).build()).build();
    }

    public static TicketEvent ticketReopened(String ticketId, String customerId, Instant at) {
        return TicketEvent.newBuilder().setEventId(id()).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("intake-service")
                .setPayload(TicketReopened.newBuilder().setReopenedAt(at).setNote("customer says it is back").build())
                .build();
    }

    public static EscalationEvent vendorOpened(String eventId, String ticketId, String customerId, String escalationId,
                                               String caseReference, Instant at) {
        return escalation(eventId, ticketId, customerId, at, VendorEscalationOpened.newBuilder()
                .setEscalationId(escalationId).setVendor(Vendor.MICROSOFT).setVendorService("M365")
                .setVendorCaseReference(caseReference).setOpenedBy("kari.konsulent").build());
    }

    public static EscalationEvent vendorStatus(String eventId, String ticketId, String customerId, String escalationId,
                                               String caseReference, VendorCaseStatus status, String message,
                                               Instant at) {
        return escalation(eventId, ticketId, customerId, at, VendorStatusChanged.newBuilder()
                .setEscalationId(escalationId).setVendor(Vendor.MICROSOFT).setVendorCaseReference(caseReference)
                .setStatus(status).setMessage(message).build());
    }

    public static EscalationEvent vendorClosed(String eventId, String ticketId, String customerId, String escalationId,
                                               String caseReference, String resolution, Instant at) {
        return escalation(eventId, ticketId, customerId, at, VendorEscalationClosed.newBuilder()
                .setEscalationId(escalationId).setVendor(Vendor.MICROSOFT).setVendorCaseReference(caseReference)
                .setClosedBy("kari.konsulent").setResolution(resolution).build());
    }

    public static EscalationEvent onCallPaged(String ticketId, String customerId, Instant at) {
        return escalation(id(), ticketId, customerId, at, OnCallPaged.newBuilder().setPageId(id())
                .setCause(PageCause.CRITICAL_TICKET_OPENED).setSeverity(Severity.CRITICAL).setLevel(1)
                .setLevelName("first line").setRound(1).setPaged(person("On Call", "oncall@biztek.no"))
                .setAcknowledgeBy(at.plusSeconds(900)).build());
    }

    private static EscalationEvent escalation(String eventId, String ticketId, String customerId, Instant at,
                                              Object payload) {
        return EscalationEvent.newBuilder().setEventId(eventId).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("escalation-service").setPayload(payload).build();
    }

    public static Customer customer(String customerId, String name, CustomerLocale locale, List<Person> contacts,
                                    Instant at) {
        return Customer.newBuilder().setCustomerId(customerId).setName(name).setLocale(locale)
                .setNotificationContacts(contacts).setUpdatedAt(at).setProducer("intake-service").build();
    }

    public static NotificationEvent notified(String ticketId, String customerId, String notificationId,
                                             String causeEventId, NotificationTemplate template, Instant at,
                                             List<String> recipients) {
        return NotificationEvent.newBuilder().setEventId(id()).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("notification-service")
                .setPayload(CustomerNotified.newBuilder().setNotificationId(notificationId)
                        .setCauseEventId(causeEventId).setTemplate(template).setLocale(CustomerLocale.NB)
                        .setRecipients(recipients).setSubject("subject").build())
                .build();
    }
}
