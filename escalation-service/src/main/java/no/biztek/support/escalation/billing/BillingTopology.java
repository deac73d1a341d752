package no.biztek.support.escalation.billing;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.ProcessorSupplier;

import no.biztek.support.escalation.streams.Outbound;
import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;

/** The billing part of the topology: time entries joined with customers become billing events. */
public final class BillingTopology {

    private BillingTopology() {
    }

    public static ProcessorSupplier<String, BillingInput, String, Outbound> processor(PolicyHistory policies,
            String producer, BillingMetrics metrics, DeadLetterMetrics deadLetters) {
        return () -> new BillingProcessor(policies, producer, metrics, deadLetters);
    }

    public static boolean isTimeEntry(Object value) {
        return value instanceof EscalationEvent event && event.getPayload() instanceof TimeEntryRecorded;
    }

    /** What is wrong with a time entry that would stop it from being billed, or null. */
    public static String checkTimeEntry(TimeEntryRecorded entry, PolicyHistory policies) {
        Instant start = entry.getStartedAt();
        if (!entry.getEndedAt().isAfter(start)) {
            return "time entry " + entry.getEntryId() + " does not end after it starts";
        }
        try {
            policies.inForceAt(start);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** What is wrong with a customer directory entry that would stop its contract from being used, or null. */
    public static String checkCustomer(Object value) {
        return value instanceof Customer customer ? ResolvedTerms.problem(customer.getContract()) : null;
    }
}
