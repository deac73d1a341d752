package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.escalation.facts.TestFacts;
import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.TestPaging;
import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.topic.Topics;

/** The delivery listener: what it delivers, and that a record it sees again is never delivered or counted twice. */
class PageDeliveryListenerTest {

    private static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");
    private static final String TICKET = "ticket-1";
    private static final String PAGE = "page-1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PageBoard board = new PageBoard();
    private final AtomicInteger channelCalls = new AtomicInteger();
    private final List<ProducerRecord<Object, Object>> sent = new ArrayList<>();
    private final List<String> failNextSendTo = new ArrayList<>();

    private PageDeliveryListener listener(boolean channelsWork) {
        Channel channel = new PageDeliveryTest.FakeChannel("webhook", () -> {
            channelCalls.incrementAndGet();
            if (!channelsWork) {
                throw new IOException("webhook answered HTTP 500");
            }
        });
        PageDelivery delivery = new PageDelivery(List.of(channel), DeliveryRetry.template(PageDeliveryTest.retry(1)),
                Runnable::run, registry);
        // not started: "read up to now" answers false at once, and the listener decides with what the board has
        TopicFollower<PageState> pageStates = new TopicFollower<>(new InternalTopics("test").pageStates(),
                () -> {
                    throw new IllegalStateException("never started");
                }, List.of(board));
        DeliveryFailedCommands.Sender sender = record -> {
            if (failNextSendTo.remove(record.topic())) {
                throw new IllegalStateException("Kafka did not acknowledge the record in time");
            }
            sent.add(record);
        };
        PagingProperties paging = TestPaging.properties();
        ApiProperties api = new ApiProperties(Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofMillis(100),
                Duration.ofMinutes(2), Duration.ofHours(24));
        MutableClock clock = new MutableClock(NIGHT.plus(Duration.ofMinutes(1)));
        TicketFactsLookup facts = TestFacts.none(clock);
        OnCallMessages messages = new OnCallMessages(board, facts,
                new AckTokens("test-signing-key-0123456789abcdef0123456789"), paging);
        PageEventDelivery deliveries = new PageEventDelivery(delivery, messages, board, facts, pageStates,
                api.lookupTimeout(), paging.ackLink().validFor(), clock);
        return new PageDeliveryListener(deliveries, new DeliveryFailedCommands(sender,
                new InternalTopics("test").pageCommands()), registry);
    }

    private static ConsumerRecord<String, byte[]> pageEvent() {
        OnCallPaged paged = OnCallPaged.newBuilder().setPageId(PAGE).setCause(PageCause.CRITICAL_TICKET_OPENED)
                .setSeverity(Severity.CRITICAL).setLevel(1).setLevelName("on-call engineer").setRound(1)
                .setPaged(Person.newBuilder().setName("Nora Berg").setEmail("nora@biztek.no").build())
                .setAcknowledgeBy(NIGHT.plus(Duration.ofMinutes(15))).build();
        EscalationEvent event = EscalationEvent.newBuilder().setEventId("event-1").setTicketId(TICKET)
                .setCustomerId("kunde").setOccurredAt(NIGHT).setProducer("escalation-service").setPayload(paged).build();
        return new ConsumerRecord<>(Topics.ESCALATION_EVENTS.name(), 1, 42, TICKET,
                Topics.ESCALATION_EVENTS.valueSerde().serializer().serialize(Topics.ESCALATION_EVENTS.name(), event));
    }

    private void boardShows(PageState.Status status) {
        board.fold(TICKET + "|" + PAGE, new PageState(PAGE, TICKET, "kunde", "CRITICAL", "CRITICAL_TICKET_OPENED", 1, 1,
                1, "on-call engineer", "Nora Berg", "nora@biztek.no", NIGHT, NIGHT, NIGHT.plus(Duration.ofMinutes(15)),
                status, null, null, status == PageState.Status.OPEN ? null : NIGHT, null, null, null, null, null));
    }

    private double failuresCounted() {
        return registry.get("support.oncall.delivery.failures").counter().count();
    }

    private List<String> sentTopics() {
        return sent.stream().map(ProducerRecord::topic).toList();
    }

    @Test
    void aPageNoChannelTookIsRecordedAsHandledBeforeItsCommandSoARedeliveryNeitherSendsNorCountsItAgain() {
        boardShows(PageState.Status.OPEN);
        PageDeliveryListener listener = listener(false);
        ConsumerRecord<String, byte[]> record = pageEvent();
        failNextSendTo.add("test-page-commands");

        assertThatThrownBy(() -> listener.onRecord(record)).hasMessageContaining("did not acknowledge");
        assertThat(channelCalls.get()).isEqualTo(1);
        assertThat(failuresCounted()).isEqualTo(1.0);
        assertThat(sent).isEmpty();

        // the error handler hands the record over again: the command is written, and the record goes on to the
        // error handler as undeliverable (its dead letter); a later hand-over does not write the command again
        for (int handedOver = 0; handedOver < 2; handedOver++) {
            assertThatThrownBy(() -> listener.onRecord(record))
                    .isInstanceOf(PageDeliveryListener.PageUndeliverableException.class)
                    .hasMessage("page page-1 to nora@biztek.no at level 1, round 1 could not be delivered: "
                            + "webhook: java.io.IOException: webhook answered HTTP 500");
        }

        assertThat(channelCalls.get()).as("delivered once").isEqualTo(1);
        assertThat(failuresCounted()).as("counted once").isEqualTo(1.0);
        assertThat(sentTopics()).containsExactly("test-page-commands");
        assertThat(sent.get(0).key()).isEqualTo(TICKET);
        PageCommand command = (PageCommand) sent.get(0).value();
        assertThat(command.type()).isEqualTo(PageCommand.Type.DELIVERY_FAILED);
        assertThat(command.level()).isEqualTo(1);
    }

    @Test
    void aDeliveredPageSeenAgainIsNotDeliveredAgain() {
        boardShows(PageState.Status.OPEN);
        PageDeliveryListener listener = listener(true);

        listener.onRecord(pageEvent());
        listener.onRecord(pageEvent());

        assertThat(channelCalls.get()).isEqualTo(1);
        assertThat(sent).isEmpty();
        assertThat(failuresCounted()).isZero();
    }

    @Test
    void aPageTheTopologyClosedOrAcknowledgedIsNotDelivered() {
        boardShows(PageState.Status.CLOSED);
        listener(true).onRecord(pageEvent());
        boardShows(PageState.Status.ACKNOWLEDGED);
        listener(true).onRecord(pageEvent());

        assertThat(channelCalls.get()).isZero();
    }
}
