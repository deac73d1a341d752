package no.biztek.support.escalation.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.escalation.facts.TestFacts;
import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.kafka.DeadLetters;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/**
 * A page whose cause was withdrawn is told to everyone paged for it, on every channel a page uses: a real SMTP
 * server (GreenMail) and a real HTTP server (WireMock) as the webhooks. Nora and Kari have their own webhooks,
 * Dina (duty manager) gets the default one.
 */
class WithdrawalDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Tuesday 3 March 2026, 02:20 in Oslo. */
    private static final Instant NOW = Instant.parse("2026-03-03T01:20:00Z");
    private static final String TICKET = "ticket-1";
    private static final String CUSTOMER = "kunde-as";
    private static final String PAGE = "page-1";
    private static final String EXPLANATION = "breach withdrawn: first response recorded at 01:55";

    private final WireMockServer webhooks = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PageBoard board = new PageBoard();
    private final List<ProducerRecord<Object, Object>> sent = new ArrayList<>();
    private final MutableClock clock = new MutableClock(NOW);
    private PageDeliveryListener listener;

    @BeforeEach
    void start() {
        webhooks.start();
        webhooks.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        mail.start();
        PagingProperties paging = paging();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(mail.getSmtp().getPort());
        WebhookChannel webhook = new WebhookChannel(new DeliveryProperties.Webhook(
                URI.create(webhooks.baseUrl() + "/hooks/default"), DeliveryProperties.Format.PLAIN,
                Duration.ofSeconds(5)), OSLO);
        PageDelivery delivery = new PageDelivery(List.of(webhook, new MailChannel(sender, "oncall@biztek.example",
                OSLO)), DeliveryRetry.template(new DeliveryProperties.Retry(2, Duration.ofMillis(10), 1.0,
                Duration.ofMillis(10))), executor, registry);
        // not started: "read up to now" answers false at once, and the listener decides with what the board has
        TopicFollower<PageState> pageStates = new TopicFollower<>(new InternalTopics("test").pageStates(),
                () -> {
                    throw new IllegalStateException("never started");
                }, List.of(board));
        ApiProperties api = new ApiProperties(Duration.ofSeconds(6), Duration.ofSeconds(5), Duration.ofMillis(100),
                Duration.ofMinutes(2), Duration.ofHours(24));
        TicketFactsLookup facts = TestFacts.none(clock);
        PageEventDelivery deliveries = new PageEventDelivery(delivery, new OnCallMessages(board, facts,
                new AckTokens(paging.ackLink().signingKey()), paging), board, facts, pageStates, api.lookupTimeout(),
                paging.ackLink().validFor(), clock);
        listener = new PageDeliveryListener(deliveries, new DeliveryFailedCommands(sent::add,
                new InternalTopics("test").pageCommands()), registry);
        board.fold(TICKET + "|" + PAGE, new PageState(PAGE, TICKET, CUSTOMER, "SERIOUS", "SLA_BREACHED", 1, 3, 1,
                "duty manager", "Dina Vakt", "dina@biztek.example", NOW.minus(Duration.ofMinutes(50)),
                NOW.minus(Duration.ofMinutes(20)), NOW.plus(Duration.ofMinutes(10)), PageState.Status.WITHDRAWN, null,
                null, NOW, null, null, NOW, EXPLANATION, null));
    }

    @AfterEach
    void stop() {
        webhooks.stop();
        mail.stop();
        executor.shutdownNow();
    }

    /** kari@biztek.example for Kari Nordmann; their own webhook {@code /hooks/<hook>}, or none. */
    private PagingProperties.Engineer engineer(String name, String hook) {
        return new PagingProperties.Engineer(name, email(name),
                hook == null ? null : URI.create(webhooks.baseUrl() + "/hooks/" + hook));
    }

    private static String email(String name) {
        return name.substring(0, name.indexOf(' ')).toLowerCase(Locale.ROOT) + "@biztek.example";
    }

    private PagingProperties paging() {
        var schedule = new PagingProperties.Schedule(OSLO, DayOfWeek.MONDAY, LocalTime.of(9, 0),
                LocalDate.of(2026, 1, 5), List.of(engineer("Kari Nordmann", "kari"), engineer("Ola Hansen", "ola"),
                engineer("Nora Berg", "nora")), List.of());
        var policy = new PagingProperties.Policy(List.of(
                new PagingProperties.Level("on-call engineer", 0, null, Duration.ofMinutes(15)),
                new PagingProperties.Level("secondary", 1, null, Duration.ofMinutes(15)),
                new PagingProperties.Level("duty manager", null, engineer("Dina Vakt", null), Duration.ofMinutes(30))),
                2);
        return new PagingProperties(schedule, policy, Map.of(), Map.of(),
                new PagingProperties.AckLink(URI.create("http://localhost:8083"),
                        "test-signing-key-0123456789abcdef0123456789", Duration.ofHours(12), null, null));
    }

    private static ConsumerRecord<String, byte[]> closed(PageCloseReason reason, Instant at, String... people) {
        PageClosed closed = PageClosed.newBuilder().setPageId(PAGE).setReason(reason).setExplanation(EXPLANATION)
                .setPagedPeople(Arrays.stream(people)
                        .map(name -> Person.newBuilder().setName(name).setEmail(email(name)).build()).toList())
                .setSupersededEventId(reason == PageCloseReason.CAUSE_WITHDRAWN ? "breach-1" : null).build();
        EscalationEvent event = EscalationEvent.newBuilder().setEventId("closed-" + reason).setTicketId(TICKET)
                .setCustomerId(CUSTOMER).setOccurredAt(at).setProducer("escalation-service").setPayload(closed).build();
        return new ConsumerRecord<>(Topics.ESCALATION_EVENTS.name(), 0, 7, TICKET,
                Topics.ESCALATION_EVENTS.valueSerde().serializer().serialize(Topics.ESCALATION_EVENTS.name(), event));
    }

    private List<LoggedRequest> posted(String hook) {
        return webhooks.findAll(postRequestedFor(urlPathEqualTo("/hooks/" + hook)));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aWithdrawalReachesEveryonePagedByMailAndWebhookWithTheExplanation() throws Exception {
        ConsumerRecord<String, byte[]> record = closed(PageCloseReason.CAUSE_WITHDRAWN, NOW, "Nora Berg",
                "Kari Nordmann", "Dina Vakt");

        listener.onRecord(record);

        MimeMessage[] mails = mail.getReceivedMessages();
        assertThat(mails).extracting(WithdrawalDeliveryTest::recipient).containsExactlyInAnyOrder(
                "nora@biztek.example", "kari@biztek.example", "dina@biztek.example");
        for (MimeMessage message : mails) {
            assertThat(message.getSubject()).isEqualTo("[Severity 2 – Serious] Page withdrawn: ticket ticket-1 – kunde-as");
            assertThat(GreenMailUtil.getBody(message)).contains(EXPLANATION).contains("nothing to acknowledge")
                    .doesNotContain("/ack/");
        }
        List<String> keys = new ArrayList<>();
        for (String hook : List.of("nora", "kari", "default")) {
            assertThat(posted(hook)).as(hook).hasSize(1);
            LoggedRequest request = posted(hook).get(0);
            JsonNode body = JSON.readTree(request.getBodyAsString());
            assertThat(body.get("type").asString()).isEqualTo("PageClosed");
            assertThat(body.get("reason").asString()).isEqualTo("CAUSE_WITHDRAWN");
            assertThat(body.get("pageId").asString()).isEqualTo(PAGE);
            assertThat(body.get("severity").asString()).isEqualTo("SERIOUS");
            assertThat(body.get("explanation").asString()).isEqualTo(EXPLANATION);
            assertThat(body.get("supersededEventId").asString()).isEqualTo("breach-1");
            assertThat(body.get("text").asString()).contains(EXPLANATION);
            keys.add(request.getHeader("Idempotency-Key"));
        }
        assertThat(JSON.readTree(posted("default").get(0).getBodyAsString()).get("paged").get("email").asString())
                .isEqualTo("dina@biztek.example");
        assertThat(keys).as("one key per person, also on a shared webhook").doesNotHaveDuplicates();
        assertThat(registry.get("support.oncall.deliveries").tag("channel", "email").counter().count())
                .isEqualTo(3.0);

        listener.onRecord(record);
        assertThat(mail.getReceivedMessages()).as("a redelivered record is not delivered again").hasSize(3);
        assertThat(webhooks.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
        assertThat(sent).isEmpty();
    }

    @Test
    void someoneNoChannelReachedIsDeadLetteredWithoutAnyCommand() {
        webhooks.stubFor(post(urlPathEqualTo("/hooks/kari")).willReturn(aResponse().withStatus(500)));
        mail.stop();

        ConsumerRecord<String, byte[]> record = closed(PageCloseReason.CAUSE_WITHDRAWN, NOW, "Nora Berg",
                "Kari Nordmann");

        // handed to the error handler, which dead-letters it with this reason
        Throwable undeliverable = catchThrowable(() -> listener.onRecord(record));

        assertThat(posted("nora")).hasSize(1);
        assertThat(posted("kari")).as("retried").hasSize(2);
        assertThat(undeliverable).isInstanceOf(PageDeliveryListener.PageUndeliverableException.class);
        Headers deadLetter = DeadLetters.explanation(record.topic(), record.partition(), record.offset(),
                undeliverable, "escalation-service");
        String reason = new String(deadLetter.lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("withdrawal of page page-1").contains("kari@biztek.example")
                .doesNotContain("nora@biztek.example");
        assertThat(sent).as("no command").isEmpty();
        assertThat(registry.get("support.oncall.delivery.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void aPageClosedWithoutAnAcknowledgementIsToldToEveryonePagedWithWhy() throws Exception {
        listener.onRecord(closed(PageCloseReason.FIRST_RESPONSE, NOW, "Nora Berg", "Dina Vakt"));

        MimeMessage[] mails = mail.getReceivedMessages();
        assertThat(mails).extracting(WithdrawalDeliveryTest::recipient)
                .containsExactlyInAnyOrder("nora@biztek.example", "dina@biztek.example");
        assertThat(mails[0].getSubject()).isEqualTo("[Severity 2 – Serious] Page closed: ticket ticket-1 – kunde-as");
        assertThat(mails[0].getContent().toString()).contains("without an acknowledgement: " + EXPLANATION)
                .contains("Nobody is paged for it any more").doesNotContain("/ack/");
        JsonNode body = JSON.readTree(posted("nora").get(0).getBodyAsString());
        assertThat(body.get("type").asString()).isEqualTo("PageClosed");
        assertThat(body.get("reason").asString()).isEqualTo("FIRST_RESPONSE");
    }

    @Test
    void anAcknowledgementIsToldToEveryoneElsePagedWithWhoAndWhen() throws Exception {
        board.fold(TICKET + "|" + PAGE, new PageState(PAGE, TICKET, CUSTOMER, "CRITICAL", "CRITICAL_TICKET_OPENED", 1,
                2, 1, "secondary", "Nora Berg", "nora@biztek.example", NOW.minus(Duration.ofMinutes(20)),
                NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(10)), PageState.Status.ACKNOWLEDGED,
                "nora@biztek.example", "LINK", NOW, null, List.of(new PageState.Paged("Kari Nordmann",
                "kari@biztek.example"), new PageState.Paged("Nora Berg", "nora@biztek.example")), null, null, null));

        listener.onRecord(acknowledged("nora@biztek.example", NOW));

        MimeMessage[] mails = mail.getReceivedMessages();
        assertThat(mails).extracting(WithdrawalDeliveryTest::recipient).as("not the one who acknowledged")
                .containsExactly("kari@biztek.example");
        assertThat(mails[0].getSubject())
                .isEqualTo("[Severity 1 – Critical] Acknowledged by Nora Berg: ticket ticket-1 – kunde-as");
        assertThat(mails[0].getContent().toString())
                .contains("Nora Berg acknowledged the page at 02:20, Tue 3 Mar 2026");
        JsonNode body = JSON.readTree(posted("kari").get(0).getBodyAsString());
        assertThat(body.get("type").asString()).isEqualTo("PageAcknowledged");
        assertThat(body.get("acknowledgedBy").asString()).isEqualTo("Nora Berg");
        assertThat(posted("nora")).isEmpty();
    }

    @Test
    void anAcknowledgementTheTopologyDidNotTakeIsNotTold() {
        board.fold(TICKET + "|" + PAGE, new PageState(PAGE, TICKET, CUSTOMER, "CRITICAL", "CRITICAL_TICKET_OPENED", 1,
                2, 1, "secondary", "Nora Berg", "nora@biztek.example", NOW.minus(Duration.ofMinutes(20)),
                NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofMinutes(10)), PageState.Status.CLOSED,
                null, null, NOW.minusSeconds(1), null, List.of(new PageState.Paged("Kari Nordmann",
                "kari@biztek.example"), new PageState.Paged("Nora Berg", "nora@biztek.example")), null, null, null));

        listener.onRecord(acknowledged("nora@biztek.example", NOW));

        assertThat(mail.getReceivedMessages()).as("the page had closed first: nobody acknowledged it").isEmpty();
        assertThat(webhooks.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void endingsThatAreNoLongerNewsAreNotDelivered() {
        listener.onRecord(closed(PageCloseReason.CAUSE_WITHDRAWN, NOW.minus(Duration.ofHours(13)), "Nora Berg"));
        listener.onRecord(closed(PageCloseReason.RESOLVED, NOW.minus(Duration.ofHours(13)), "Nora Berg"));

        assertThat(mail.getReceivedMessages()).isEmpty();
        assertThat(webhooks.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(sent).isEmpty();
    }

    private static ConsumerRecord<String, byte[]> acknowledged(String by, Instant at) {
        PageAcknowledged acknowledged = PageAcknowledged.newBuilder().setPageId(PAGE).setAcknowledgedBy(by)
                .setLevel(2).setVia(AcknowledgementChannel.LINK).build();
        EscalationEvent event = EscalationEvent.newBuilder().setEventId("acknowledged-1").setTicketId(TICKET)
                .setCustomerId(CUSTOMER).setOccurredAt(at).setProducer("escalation-service").setPayload(acknowledged)
                .build();
        return new ConsumerRecord<>(Topics.ESCALATION_EVENTS.name(), 0, 8, TICKET,
                Topics.ESCALATION_EVENTS.valueSerde().serializer().serialize(Topics.ESCALATION_EVENTS.name(), event));
    }
}
