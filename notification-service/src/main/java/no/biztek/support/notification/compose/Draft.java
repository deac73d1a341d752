package no.biztek.support.notification.compose;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * What one notification is to tell, before it is addressed and worded for a customer: everything comes
 * from one ticket and its vendor escalation, so a mail built from it holds no other customer's data.
 *
 * @param notificationId  deterministic id of the notification (cause event id + template)
 * @param causeEventId    the event the customer is told about (a synthetic id for cadence reminders)
 * @param escalationId    the vendor escalation it concerns
 * @param customerId      the ticket's customer: the only customer whose contacts receive it
 * @param ticketReference how the customer knows the ticket (its id in the source system), never blank
 * @param ticketTitle     the ticket's title; null when the ticket was never seen
 * @param requester       the ticket's requester; null when the ticket was never seen
 * @param cadence         the policy's keep-informed cadence (business time), told to the customer
 * @param zone            the zone of the policy's business calendar, for times shown to the customer
 * @param issuedAt        when the service decided to send it
 */
public record Draft(String notificationId, String causeEventId, NotificationTemplate template, String escalationId,
                    String ticketId, String customerId, String ticketReference, String ticketTitle, Contact requester,
                    Vendor vendor, String vendorService, String caseReference, VendorCaseStatus status,
                    String vendorMessage, String resolution, Instant statusAt, Duration cadence, String zone,
                    Instant issuedAt) {

    public Draft {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(ticketReference, "ticketReference");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** The same draft for a ticket now known: its customer, reference, title and requester. */
    public Draft withTicket(String ticketCustomerId, String reference, String title, Contact ticketRequester) {
        return new Draft(notificationId, causeEventId, template, escalationId, ticketId, ticketCustomerId, reference,
                title, ticketRequester, vendor, vendorService, caseReference, status, vendorMessage, resolution,
                statusAt, cadence, zone, issuedAt);
    }

    /** The same draft under another policy version (the one in force when its ticket was opened). */
    public Draft withPolicy(Duration policyCadence, String policyZone) {
        return new Draft(notificationId, causeEventId, template, escalationId, ticketId, customerId, ticketReference,
                ticketTitle, requester, vendor, vendorService, caseReference, status, vendorMessage, resolution,
                statusAt, policyCadence, policyZone, issuedAt);
    }
}
