package no.biztek.support.escalation.billing;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.kafka.streams.Outbound;
import no.biztek.support.kafka.deadletter.DeadLetterRoute;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.topic.Topics;

/**
 * Turns each time entry, joined with its customer (key: customerId), into BillableTimeRecorded on
 * {@code support.billing.v1}, naming the terms it used. The event id derives from the entry id, so a
 * reprocessed entry yields the same billing event.
 */
final class BillingProcessor implements Processor<String, BillingInput, String, Outbound> {

    private static final Logger log = LoggerFactory.getLogger(BillingProcessor.class);

    private final PolicyHistory policies;
    private final String producer;
    private final BillingMetrics metrics;
    private final DeadLetterRoute<EscalationEvent> deadLetters;
    private ProcessorContext<String, Outbound> context;

    BillingProcessor(PolicyHistory policies, String producer, BillingMetrics metrics,
                     DeadLetterRoute<EscalationEvent> deadLetters) {
        this.policies = policies;
        this.producer = producer;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, BillingInput> record) {
        EscalationEvent envelope = record.value().timeEntry();
        try {
            BillingEvent billing = bill(envelope, record.value());
            context.forward(record.withValue(Outbound.of(Topics.BILLING, billing)).withHeaders(new RecordHeaders()),
                    BillingTopology.EVENTS_SINK);
            BillableTimeRecorded line = (BillableTimeRecorded) billing.getPayload();
            metrics.billed(line.getVendor(), line.getBilledMinutes());
        } catch (RuntimeException e) {
            // the decoder checked the entry; this is a last resort so that one entry cannot stop billing
            log.error("Cannot bill time entry event {}; dead-lettering it", envelope.getEventId(), e);
            deadLetters.deadLetterValue(context, record.withKey(envelope.getTicketId()).withValue(envelope), e);
        }
    }

    private BillingEvent bill(EscalationEvent envelope, BillingInput input) {
        TimeEntryRecorded entry = (TimeEntryRecorded) envelope.getPayload();
        ResolvedTerms terms = ResolvedTerms.resolve(input.customer(), policies, entry.getStartedAt());
        BillableTime time = BillingCalculator.bill(entry.getStartedAt(), entry.getEndedAt(), terms.terms(),
                terms.policy().calendar());
        BillableTimeRecorded line = BillableTimeRecorded.newBuilder()
                .setEscalationId(entry.getEscalationId())
                .setEntryId(entry.getEntryId())
                .setVendor(entry.getVendor())
                .setConsultant(entry.getConsultant())
                .setStartedAt(entry.getStartedAt())
                .setEndedAt(entry.getEndedAt())
                .setWorkedMinutes(time.workedMinutes())
                .setBilledMinutes(time.billedMinutes())
                .setAfterHoursMinutes(time.afterHoursMinutes())
                .setAmountNok(time.amountNok())
                .setTerms(terms.terms())
                .setTermsSource(terms.source())
                .setPolicyVersion(terms.policy().id())
                .build();
        return BillingEvent.newBuilder()
                .setEventId(Ids.eventId(entry.getEntryId(), "billable-time"))
                .setTicketId(envelope.getTicketId())
                .setCustomerId(envelope.getCustomerId())
                .setOccurredAt(envelope.getOccurredAt())
                .setProducer(producer)
                .setPayload(line)
                .build();
    }
}
