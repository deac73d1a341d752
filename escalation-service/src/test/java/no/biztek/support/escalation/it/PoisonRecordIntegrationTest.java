package no.biztek.support.escalation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/** Undecodable records on every input go to that topic's DLT, and the service goes on. */
class PoisonRecordIntegrationTest extends EscalationIntegrationTest {

    @Test
    void poisonRecordsGoToTheirDeadLetterTopicsAndTheNextRecordIsProcessed() {
        String key = unique("poison");
        byte[] garbage = ("not avro " + key).getBytes(StandardCharsets.UTF_8);
        java.util.Map<String, Double> deadLettersBefore = new java.util.HashMap<>();
        for (Topic<String, ?> topic : java.util.List.of(Topics.TICKET_EVENTS, Topics.SLA_EVENTS, Topics.CUSTOMERS,
                Topics.ESCALATION_EVENTS)) {
            deadLettersBefore.put(topic.name(), metric("support_dead_letters_total", "topic=\"" + topic.name() + "\""));
        }
        for (Topic<String, ?> topic : java.util.List.of(Topics.TICKET_EVENTS, Topics.SLA_EVENTS, Topics.CUSTOMERS,
                Topics.ESCALATION_EVENTS)) {
            sendRaw(topic.name(), key, garbage);
        }
        String ticket = TestEvents.newId();
        publish(Topics.TICKET_EVENTS, ticket, TestEvents.ticketOpened(ticket, "kunde", Severity.CRITICAL, NIGHT));

        for (Topic<String, ?> topic : java.util.List.of(Topics.TICKET_EVENTS, Topics.SLA_EVENTS, Topics.CUSTOMERS,
                Topics.ESCALATION_EVENTS)) {
            ConsumerRecord<String, byte[]> dead = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> readRaw(topic.deadLetterTopicName()).stream().filter(r -> key.equals(r.key())).toList(),
                    list -> !list.isEmpty()).get(0);
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(topic.name());
            assertThat(header(dead, DeadLetterHeaders.REASON)).contains("SerializationException");
            assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("escalation-service");
            assertThat(metric("support_dead_letters_total", "topic=\"" + topic.name() + "\""))
                    .as("dead letters of %s counted", topic).isGreaterThanOrEqualTo(deadLettersBefore.get(topic.name()) + 1);
        }
        awaitRecord(Topics.ESCALATION_EVENTS, r -> r.key().equals(ticket) && r.value().getPayload() instanceof OnCallPaged);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> readRaw(
                Topics.TICKET_EVENTS.deadLetterTopicName()).stream().filter(r -> key.equals(r.key())).count() == 1);
        publish(Topics.TICKET_EVENTS, ticket, TestEvents.resolved(ticket, "kunde", CLOCK.instant()));

        var readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).get("status").asString()).isEqualTo("UP");
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
