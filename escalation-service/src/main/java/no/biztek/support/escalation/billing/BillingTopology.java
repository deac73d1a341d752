package no.biztek.support.escalation.billing;

import java.time.Instant;

import org.apache.kafka.streams.processor.api.ProcessorSupplier;

import no.biztek.support.kafka.streams.Outbound;
import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;

/** The billing part of the topology: time entries joined with customers become billing events. */
public final class BillingTopology {

    /** The billing processor: its node is a parent of the escalation topic's dead-letter sink. */
    public static final String PROCESSOR = "billing";
    /** The sink of the billing events, which the processor forwards them to by name. */
    public static final String EVENTS_SINK = "billing-events";

    private BillingTopology() {
    }

    /** @param deadLetters where a time entry that cannot be billed goes, through a sink the processor feeds */
    public static ProcessorSupplier<String, BillingInput, String, Outbound> processor(PolicyHistory policies,
            String producer, BillingMetrics metrics, DeadLetterRoute<EscalationEvent> deadLetters) {
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
    public static String checkCustomer(Customer customer) {
        return ResolvedTerms.problem(customer.getContract());
    }
}
