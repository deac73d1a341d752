package no.biztek.support.notification.cause;

import java.time.Instant;
import java.util.Objects;

import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.VendorCaseStatus;

/**
 * An open vendor escalation of a ticket: what the customer was last told about it and when the next
 * keep-informed reminder is due (null: none scheduled, e.g. while the ticket is resolved).
 */
record EscalationState(String ticketId, String customerId, String escalationId, Vendor vendor, String vendorService,
                       String caseReference, VendorCaseStatus status, String vendorMessage, Instant statusAt,
                       String policyId, Instant reminderDueAt) {

    EscalationState {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(policyId, "policyId");
    }

    EscalationState withStatus(VendorCaseStatus newStatus, String message, Instant at, String reference) {
        return new EscalationState(ticketId, customerId, escalationId, vendor, vendorService, reference, newStatus,
                message, at, policyId, reminderDueAt);
    }

    /** The escalation adopted by its ticket once known: the ticket's customer and policy version rule. */
    EscalationState withTicket(String ticketCustomerId, String ticketPolicyId) {
        return new EscalationState(ticketId, ticketCustomerId, escalationId, vendor, vendorService, caseReference,
                status, vendorMessage, statusAt, ticketPolicyId, reminderDueAt);
    }

    EscalationState withReminderDueAt(Instant due) {
        return new EscalationState(ticketId, customerId, escalationId, vendor, vendorService, caseReference, status,
                vendorMessage, statusAt, policyId, due);
    }
}
