package no.biztek.support.notification.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.notification.cadence.CadenceIndex;
import no.biztek.support.notification.compose.ComposedMail;
import no.biztek.support.notification.compose.Contact;
import no.biztek.support.notification.compose.Draft;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.pipeline.Ids;
import no.biztek.support.notification.pipeline.ParkedDraft;
import no.biztek.support.notification.pipeline.PipelineSettings;
import no.biztek.support.notification.pipeline.StageNames;
import no.biztek.support.notification.pipeline.StoreNames;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.notification.CustomerNotificationFailed;
import no.biztek.support.schemas.notification.NotificationEvent;

/**
 * The customer-partitioned half of the pipeline: keeps the customer directory (language, notification
 * contacts; a tombstone removes a customer) and turns each draft into a mail command worded in the
 * customer's language and addressed to the ticket's requester and that customer's contacts only.
 */
final class CustomerLogic {

    static final String COMMANDS_SINK = StageNames.COMMANDS_SINK;
    static final String NOTIFICATION_EVENTS_SINK = StageNames.NOTIFICATION_EVENTS_SINK;

    private static final Logger log = LoggerFactory.getLogger(CustomerLogic.class);
    private static final int MAX_PER_PUNCTUATION = 1000;

    private final ProcessorContext<String, Object> context;
    private final PipelineSettings settings;
    private final MailComposer composer;
    private final KeyValueStore<String, CustomerView> customers;
    private final KeyValueStore<String, ParkedDraft> awaitingCustomer;

    CustomerLogic(ProcessorContext<String, Object> context, PipelineSettings settings, MailComposer composer) {
        this.context = context;
        this.settings = settings;
        this.composer = composer;
        this.customers = context.getStateStore(StoreNames.CUSTOMERS);
        this.awaitingCustomer = context.getStateStore(StoreNames.AWAITING_CUSTOMER);
    }

    void onCustomer(Record<String, Customer> record) {
        String customerId = record.key();
        if (customerId == null) {
            throw new IllegalArgumentException("customer record without a key");
        }
        Customer customer = record.value();
        if (customer == null) {
            customers.delete(customerId);
            return;
        }
        if (!customerId.equals(customer.getCustomerId())) {
            throw new IllegalArgumentException("record key '" + customerId + "' does not match customerId '"
                    + customer.getCustomerId() + "'");
        }
        List<Contact> contacts = customer.getNotificationContacts().stream()
                .map(person -> new Contact(person.getName(), person.getEmail())).toList();
        CustomerView view = new CustomerView(customerId, customer.getName(), customer.getLocale(), contacts);
        customers.put(customerId, view);
        releaseAwaiting(view);
    }

    void onDraft(Record<String, Draft> record) {
        Draft draft = record.value();
        if (draft == null) {
            return;
        }
        if (!draft.customerId().equals(record.key())) {
            throw new IllegalArgumentException("draft keyed '" + record.key() + "' belongs to customer '"
                    + draft.customerId() + "'");
        }
        CustomerView customer = customers.get(draft.customerId());
        if (customer == null) {
            log.info("Customer {} is not in the directory yet; notification {} waits for it (at most {})",
                    draft.customerId(), draft.notificationId(), settings.awaitingGrace());
            awaitingCustomer.put(CadenceIndex.escalationKey(draft.customerId(), draft.notificationId()),
                    new ParkedDraft(draft, settings.clock().instant()));
            return;
        }
        send(draft, customer);
    }

    void punctuate() {
        Instant now = settings.clock().instant();
        List<KeyValue<String, ParkedDraft>> expired = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaitingCustomer.all()) {
            while (it.hasNext() && expired.size() < MAX_PER_PUNCTUATION) {
                KeyValue<String, ParkedDraft> parked = it.next();
                if (!parked.value.parkedAt().plus(settings.awaitingGrace()).isAfter(now)) {
                    expired.add(parked);
                }
            }
        }
        expired.sort(Comparator.comparing(kv -> kv.value.draft().issuedAt()));
        for (KeyValue<String, ParkedDraft> parked : expired) {
            awaitingCustomer.delete(parked.key);
            log.warn("Customer {} is still not in the directory after {}; notifying the ticket's requester only, in"
                    + " the default language", parked.value.draft().customerId(), settings.awaitingGrace());
            send(parked.value.draft(), null);
        }
    }

    private void releaseAwaiting(CustomerView customer) {
        List<KeyValue<String, ParkedDraft>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, ParkedDraft> it = awaitingCustomer.prefixScan(
                CadenceIndex.ticketPrefix(customer.customerId()), Serdes.String().serializer())) {
            it.forEachRemaining(waiting::add);
        }
        waiting.sort(Comparator.comparing(kv -> kv.value.draft().issuedAt()));
        for (KeyValue<String, ParkedDraft> parked : waiting) {
            awaitingCustomer.delete(parked.key);
            send(parked.value.draft(), customer);
        }
    }

    private void send(Draft draft, CustomerView customer) {
        ComposedMail mail = customer == null
                ? composer.compose(draft, null, null, List.of())
                : composer.compose(draft, customer.locale(), customer.name(), customer.contacts());
        long timestamp = settings.clock().millis();
        if (mail.recipients().isEmpty()) {
            log.warn("Notification {} of ticket {} has no recipient: neither a known requester nor contacts of"
                    + " customer {}", draft.notificationId(), draft.ticketId(), draft.customerId());
            NotificationEvent failed = NotificationEvent.newBuilder()
                    .setEventId(Ids.outcomeEventId(draft.notificationId(), "CustomerNotificationFailed"))
                    .setTicketId(draft.ticketId())
                    .setCustomerId(draft.customerId())
                    .setOccurredAt(Instant.ofEpochMilli(timestamp))
                    .setProducer(settings.service())
                    .setPayload(CustomerNotificationFailed.newBuilder()
                            .setNotificationId(draft.notificationId())
                            .setCauseEventId(draft.causeEventId())
                            .setTemplate(draft.template())
                            .setRecipients(List.of())
                            .setReason("no recipients: the ticket's requester is unknown and customer "
                                    + draft.customerId() + " has no notification contacts")
                            .setPermanent(true)
                            .build())
                    .build();
            context.forward(new Record<String, Object>(draft.ticketId(), failed, timestamp), NOTIFICATION_EVENTS_SINK);
            return;
        }
        NotificationCommand command = new NotificationCommand(draft.notificationId(), draft.causeEventId(),
                draft.template(), draft.ticketId(), draft.customerId(), draft.escalationId(), mail.locale(),
                mail.recipients(), mail.subject(), mail.text(), mail.html(), draft.issuedAt());
        context.forward(new Record<String, Object>(draft.ticketId(), command, timestamp), COMMANDS_SINK);
    }
}
