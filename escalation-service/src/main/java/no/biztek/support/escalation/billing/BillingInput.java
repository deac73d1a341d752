package no.biztek.support.escalation.billing;

import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;

/** A TimeEntryRecorded envelope joined with its customer's directory entry (null: none). */
public record BillingInput(EscalationEvent timeEntry, Customer customer) {
}
