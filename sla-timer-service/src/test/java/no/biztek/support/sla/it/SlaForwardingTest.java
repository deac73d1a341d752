package no.biztek.support.sla.it;

import static no.biztek.support.testing.TicketEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.testing.MutableClock;

/** Two instances share the clocks; each answers the SLA query for any ticket, forwarding to the owner. */
class SlaForwardingTest {

    private static final int PARTITIONS = 2; // support.kafka.partitions in the test configuration
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path stateDirs;

    @Test
    void eitherInstanceAnswersForATicketOwnedByTheOther() throws Exception {
        String applicationId = "sla-it-forwarding-" + UUID.randomUUID();
        Instant opened = Instant.parse("2026-03-02T08:00:00Z");
        MutableClock clock = new MutableClock(opened);
        String onPartition0 = ticketOnPartition(0);
        String onPartition1 = ticketOnPartition(1);

        try (SlaInstance a = SlaInstance.start(applicationId, stateDirs.resolve("a"), clock);
             SlaInstance b = SlaInstance.start(applicationId, stateDirs.resolve("b"), clock);
             var sla = KafkaTestClients.slaEvents(List.of(onPartition0, onPartition1))) {
            await().atMost(Duration.ofSeconds(120)).until(() -> ownsOneTask(a) && ownsOneTask(b));
            KafkaTestClients.send(opened(onPartition0, Severity.SERIOUS, opened),
                    opened(onPartition1, Severity.SERIOUS, opened));
            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().size() == 2);

            KeyQueryMetadata owner0 = owner(a, onPartition0);
            KeyQueryMetadata owner1 = owner(a, onPartition1);
            assertThat(owner0.activeHost()).as("the two tickets live on different instances")
                    .isNotEqualTo(owner1.activeHost());
            assertThat(List.of(owner0.activeHost().port(), owner1.activeHost().port()))
                    .containsExactlyInAnyOrder(a.port(), b.port());

            for (String ticketId : List.of(onPartition0, onPartition1)) {
                for (SlaInstance instance : List.of(a, b)) {
                    var response = instance.get("/api/v1/tickets/" + ticketId + "/sla", "reader-token");
                    assertThat(response.statusCode()).as("%s asked at port %d", ticketId, instance.port())
                            .isEqualTo(200);
                    JsonNode status = JSON.readTree(response.body());
                    assertThat(status.get("ticketId").asString()).isEqualTo(ticketId);
                    assertThat(status.get("state").asString()).isEqualTo("RUNNING");
                    assertThat(status.get("severity").asInt()).isEqualTo(2);
                    assertThat(instance.get("/api/v1/tickets/" + ticketId + "/sla", null).statusCode())
                            .isEqualTo(401);
                }
            }
            String unknownOnPartition1 = ticketOnPartition(1);
            SlaInstance notOwner = owner1.activeHost().port() == a.port() ? b : a;
            assertThat(notOwner.get("/api/v1/tickets/" + unknownOnPartition1 + "/sla", "reader-token").statusCode())
                    .isEqualTo(404);
        }
    }

    private static boolean ownsOneTask(SlaInstance instance) {
        KafkaStreams streams = instance.streams().streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        return streams.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum() == 1;
    }

    private static KeyQueryMetadata owner(SlaInstance instance, String ticketId) {
        return instance.streams().streams().queryMetadataForKey(SlaTopology.CLOCK_STORE, ticketId,
                Serdes.String().serializer());
    }

    private static String ticketOnPartition(int partition) {
        return KafkaTestClients.ticketOnPartition(partition, PARTITIONS);
    }
}
