package no.biztek.support.intake.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.intake.customer.CustomerIds;
import no.biztek.support.intake.ticket.TicketIntake;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResumed;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.topic.Topics;

@ExtendWith(OutputCaptureExtension.class)
class InboundTopicTest extends IntakeIntegrationTest {

    static String opened(String externalId) {
        return """
                {"type": "TICKET_OPENED", "source": "erp", "externalId": "%s", "customerId": "kunde-as",
                 "severity": 2, "title": "Fakturering stopper", "description": "Batchen feiler",
                 "requester": {"name": "Ola", "email": "ola@kunde.no"}, "channel": "API"}""".formatted(externalId);
    }

    private void publish(String key, String value) {
        publish(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void publish(String key, String value, Instant timestamp) {
        publish(new ProducerRecord<>(Topics.INBOUND.name(), null, timestamp.toEpochMilli(), key,
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private void publish(String key, byte[] value) {
        publish(new ProducerRecord<>(Topics.INBOUND.name(), key, value));
    }

    private void publish(ProducerRecord<String, byte[]> record) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS));
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record);
        }
    }

    @Test
    void anInboundEventBecomesTheSameAvroEventAsOverHttp() {
        String externalId = unique("erp");
        String ticketId = TicketIntake.ticketIdOf("erp", externalId);

        publish("erp-" + externalId, opened(externalId));
        publish("erp-" + externalId, """
                {"type": "FIRST_RESPONSE", "source": "erp", "externalId": "%s", "consultant": "per@biztek.no"}"""
                .formatted(externalId));

        var opened = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketOpened);
        assertThat(((TicketOpened) opened.value().getPayload()).getChannel()).isEqualTo(Channel.API);
        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof FirstResponseRecorded);
    }

    @Test
    void aHoldAndAResumeBecomeTicketHeldAndTicketResumedAndAnUnknownReasonIsDeadLettered() {
        String externalId = unique("erp");
        String ticketId = TicketIntake.ticketIdOf("erp", externalId);
        String key = "erp-" + externalId;
        Instant openedAt = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Instant heldAt = openedAt.plus(5, ChronoUnit.MINUTES);

        publish(key, opened(externalId).replace("\"channel\": \"API\"}",
                "\"channel\": \"API\", \"openedAt\": \"" + openedAt + "\"}"));
        publish(key, """
                {"type": "TICKET_HELD", "source": "erp", "externalId": "%s", "reason": "WAITING_ON_ELVES"}"""
                .formatted(externalId));
        publish(key, """
                {"type": "TICKET_HELD", "source": "erp", "externalId": "%s", "reason": "WAITING_ON_VENDOR",
                 "heldAt": "%s"}""".formatted(externalId, heldAt));
        publish(key, """
                {"type": "TICKET_RESUMED", "ticketId": "%s"}""".formatted(ticketId));

        var resumed = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketResumed);
        var held = (TicketHeld) awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketHeld).value().getPayload();
        assertThat(held.getReason()).isEqualTo("WAITING_ON_VENDOR");
        assertThat(held.getHeldAt()).isEqualTo(heldAt);
        assertThat(((TicketResumed) resumed.value().getPayload()).getResumedAt()).isAfterOrEqualTo(heldAt);
        var deadLetters = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> readAll(Topics.INBOUND.deadLetterTopicName(), new ByteArrayDeserializer()),
                letters -> letters.stream().anyMatch(l -> key.equals(l.key())));
        assertThat(deadLetters.stream().filter(l -> key.equals(l.key())).toList()).singleElement()
                .satisfies(l -> assertThat(header(l, DeadLetterHeaders.REASON)).contains("WAITING_ON_ELVES"));
    }

    @Test
    void poisonAndInvalidRecordsGoToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String poisonKey = unique("poison");
        String invalidKey = unique("invalid");
        String goodExternalId = unique("erp");

        publish(poisonKey, new byte[] {(byte) 0xC3, 0x01, 0x7f, 0x00, (byte) 0xff});
        publish(invalidKey, opened(unique("erp")).replace("\"severity\": 2", "\"severity\": 7"));
        publish(goodExternalId, opened(goodExternalId));

        String goodTicket = TicketIntake.ticketIdOf("erp", goodExternalId);
        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(goodTicket));
        var deadLetters = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> readAll(Topics.INBOUND.deadLetterTopicName(), new ByteArrayDeserializer()),
                letters -> letters.stream().filter(l -> l.key().equals(poisonKey) || l.key().equals(invalidKey))
                        .count() == 2);
        var poison = deadLetters.stream().filter(l -> l.key().equals(poisonKey)).findFirst().orElseThrow();
        assertThat(header(poison, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.INBOUND.name());
        assertThat(header(poison, DeadLetterHeaders.ORIGINAL_OFFSET)).matches("\\d+");
        assertThat(header(poison, DeadLetterHeaders.ORIGINAL_PARTITION)).matches("\\d+");
        assertThat(header(poison, DeadLetterHeaders.REASON)).contains("malformed JSON");
        assertThat(poison.value()).containsExactly((byte) 0xC3, 0x01, 0x7f, 0x00, (byte) 0xff);
        var invalid = deadLetters.stream().filter(l -> l.key().equals(invalidKey)).findFirst().orElseThrow();
        assertThat(header(invalid, DeadLetterHeaders.REASON)).contains("severity");
        assertThat(header(invalid, DeadLetterHeaders.SERVICE)).isEqualTo("intake-service");
        assertThat(api.get("/actuator/prometheus", null).body())
                .containsPattern("support_dead_letters_total\\{.*topic=\"support.inbound.v1\".*} [1-9]");
    }

    @Test
    void aLifecycleEventForAnUnknownTicketIsDeadLettered() {
        String key = unique("orphan");

        publish(key, """
                {"type": "TICKET_RESOLVED", "ticketId": "%s"}""".formatted(java.util.UUID.randomUUID()));

        var letter = Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> readAll(Topics.INBOUND.deadLetterTopicName(), new ByteArrayDeserializer()).stream()
                        .filter(l -> key.equals(l.key())).findFirst(), java.util.Optional::isPresent).get();
        assertThat(header(letter, DeadLetterHeaders.REASON)).contains("404");
    }

    @Test
    void aCustomerIdThatIsNotADirectoryIdIsDeadLetteredWithTheReason() {
        String key = unique("bad-customer");
        String externalId = unique("erp");

        publish(key, opened(externalId).replace("\"kunde-as\"", "\"x <https://evil|Acknowledge here>\""));

        var letter = deadLetter(key);
        assertThat(header(letter, DeadLetterHeaders.REASON)).contains("400").contains("customerId")
                .contains(CustomerIds.MESSAGE);
        assertThat(readAll(Topics.TICKET_EVENTS)).noneMatch(r -> r.key().equals(TicketIntake.ticketIdOf("erp", externalId)));
    }

    @Test
    void eventsWithoutTheirTimeHappenedWhenTheyWerePublishedNotWhenIntakeReadsThem() {
        String externalId = unique("erp");
        String ticketId = TicketIntake.ticketIdOf("erp", externalId);
        Instant published = Instant.now().minus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.MILLIS);
        Instant answered = published.plus(Duration.ofMinutes(2));

        publish(externalId, opened(externalId), published);
        publish(externalId, """
                {"type": "FIRST_RESPONSE", "source": "erp", "externalId": "%s", "consultant": "per@biztek.no",
                 "respondedAt": null}""".formatted(externalId), answered);

        var response = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof FirstResponseRecorded);
        var opening = readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).filter(TicketOpened.class::isInstance).findFirst().orElseThrow();
        assertThat(((TicketOpened) opening).getOpenedAt()).isEqualTo(published);
        assertThat(((FirstResponseRecorded) response.value().getPayload()).getRespondedAt()).isEqualTo(answered);
    }

    @Test
    void aDeadLetteredRecordIsLoggedWithoutForgedLinesOrAddresses(CapturedOutput output) {
        String key = "erp:kari.nordmann@kunde.no\n2026-03-02T09:00:00.000+01:00  INFO 1 --- [main] FORGED : ok";
        String value = opened(unique("erp")).replace("\"API\"", "\"FAX\\nFORGED line ola@kunde.no\"");

        publish(key, value);

        deadLetter(key);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> output.getOut().contains("Dead-lettered inbound record"));
        assertThat(output.getOut()).contains("(key erp:k***@kunde.no\\n2026-03-02T09:00:00.000+01:00  INFO 1 --- ")
                .doesNotContain("kari.nordmann@kunde.no").doesNotContain("ola@kunde.no");
        assertThat(output.getOut().lines()).noneMatch(line -> line.startsWith("FORGED"))
                .noneMatch(line -> line.startsWith("2026-03-02T09:00:00.000+01:00"));
    }

    private ConsumerRecord<String, byte[]> deadLetter(String key) {
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(
                () -> readAll(Topics.INBOUND.deadLetterTopicName(), new ByteArrayDeserializer()).stream()
                        .filter(l -> key.equals(l.key())).findFirst(), Optional::isPresent).get();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
