package no.biztek.support.notification.cause;

import static no.biztek.support.notification.cause.Fixtures.CUSTOMER;
import static no.biztek.support.notification.cause.Fixtures.ESCALATION_KEY;
import static no.biztek.support.notification.cause.Fixtures.MONDAY_0800;
import static no.biztek.support.notification.cause.Fixtures.TICKET;
import static no.biztek.support.notification.cause.Fixtures.customer;
import static no.biztek.support.notification.cause.Fixtures.escalation;
import static no.biztek.support.notification.cause.Fixtures.monday;
import static no.biztek.support.notification.cause.Fixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.kafka.timer.TimerIndex;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.notification.audit.AuditEntry;
import no.biztek.support.notification.audit.NotificationHistory;
import no.biztek.support.notification.audit.PendingIndex;
import no.biztek.support.notification.cadence.CadenceIndex;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.customer.CustomerView;
import no.biztek.support.notification.delivery.NotificationCommand;
import no.biztek.support.notification.stage.Ids;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.notification.stage.StoreNames;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * The keep-informed and pending indexes of a task written by a version before kafka-platform's TimerIndex (keys of
 * zero-padded due millis as text) are rebuilt once, from the escalations and the audit histories, when the ticket
 * stage starts: no reminder is lost, and the reminder keeps its cause id.
 */
class TimerIndexUpgradeTest {

    private static final Instant DUE = monday("12:00");
    private static final Instant ISSUED = MONDAY_0800.plusSeconds(60);
    private static final Bytes OLD_TIMER = oldKey(String.format("%013d", DUE.toEpochMilli()) + '\u001f'
            + ESCALATION_KEY);
    private static final Bytes OLD_PENDING = oldKey(String.format("%013d|%s", ISSUED.toEpochMilli(), "n-1"));

    private final MockProcessorContext<String, Object> context = new MockProcessorContext<>();
    private final PipelineSettings settings = Fixtures.settings();
    private KeyValueStore<Bytes, byte[]> cadence;
    private KeyValueStore<Bytes, byte[]> pending;

    @BeforeEach
    void storesOfTheEarlierVersion() {
        store(StoreNames.TICKETS, JsonSerde.of(TicketInfo.class)).put(TICKET, ticket());
        store(StoreNames.CUSTOMER_DIRECTORY, JsonSerde.of(CustomerView.class)).put(CUSTOMER,
                customer(CustomerLocale.NB));
        store(StoreNames.ESCALATIONS, JsonSerde.of(EscalationState.class)).put(ESCALATION_KEY, escalation(DUE));
        store(StoreNames.AWAITING, JsonSerde.of(ParkedDraft.class));
        store(StoreNames.SEEN_CAUSES, Serdes.Long());
        store(StoreNames.TIMER_INDEX_FORMAT, Serdes.ByteArray());
        AuditEntry sent = AuditEntry.pending("n-sent", "c-0", "VENDOR_ESCALATION_OPENED", "e-1", MONDAY_0800);
        store(StoreNames.HISTORY, JsonSerde.of(NotificationHistory.class)).put(TICKET, new NotificationHistory(List.of(
                AuditEntry.pending("n-1", "c-1", "VENDOR_STATUS_CHANGED", "e-1", ISSUED),
                new AuditEntry(sent.notificationId(), sent.causeEventId(), sent.template(), sent.escalationId(),
                        AuditEntry.Status.SENT, "NB", List.of("kari@kunde.no"), List.of(), "subject", MONDAY_0800,
                        MONDAY_0800, null, null, null))));
        cadence = store(StoreNames.CADENCE_INDEX, Serdes.ByteArray());
        cadence.put(OLD_TIMER, new byte[0]);
        pending = store(StoreNames.PENDING, Serdes.ByteArray());
        pending.put(OLD_PENDING, TICKET.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReminderOfTheEarlierLayoutFiresAfterTheUpgradeWithItsCauseId() {
        CauseProcessor stage = new CauseProcessor(context, settings, new MailComposer());

        ((MutableClock) settings.clock()).advance(Duration.between(MONDAY_0800, monday("12:01")));
        stage.punctuate();

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            NotificationCommand command = (NotificationCommand) forward.record().value();
            assertThat(command.template()).isEqualTo(NotificationTemplate.VENDOR_STILL_WORKING);
            assertThat(command.causeEventId()).isEqualTo(Ids.reminderCause(ESCALATION_KEY, DUE.toEpochMilli()));
        });
    }

    @Test
    void theEarlierEntriesAreGoneAndTheIndexesHoldTheTimersOfTheirSourceStores() {
        new CauseProcessor(context, settings, new MailComposer());

        assertThat(cadence.get(OLD_TIMER)).isNull();
        assertThat(pending.get(OLD_PENDING)).isNull();
        assertThat(new TimerIndex(cadence).due(DUE, 100)).containsExactly(CadenceIndex.timer(DUE, ESCALATION_KEY));
        assertThat(new TimerIndex(pending).due(DUE, 100)).as("only the notification still pending")
                .containsExactly(PendingIndex.entry(ISSUED, "n-1"));
    }

    @Test
    void itRunsOnceAndLeavesTheCurrentLayoutAlone() {
        new CauseProcessor(context, settings, new MailComposer());
        Timer unbacked = CadenceIndex.timer(DUE.plusSeconds(60), TICKET + CadenceIndex.SEPARATOR + "e-2");
        new TimerIndex(cadence).schedule(unbacked);

        new CauseProcessor(context, settings, new MailComposer());

        assertThat(new TimerIndex(cadence).due(DUE.plusSeconds(60), 100)).contains(unbacked);
    }

    private static Bytes oldKey(String key) {
        return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private <K, V> KeyValueStore<K, V> store(String name, Serde<V> values) {
        Serde<K> keys = (Serde<K>) (name.equals(StoreNames.CADENCE_INDEX) || name.equals(StoreNames.PENDING)
                ? Serdes.Bytes() : Serdes.String());
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
