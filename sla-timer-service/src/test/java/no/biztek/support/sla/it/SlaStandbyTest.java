package no.biztek.support.sla.it;

import static no.biztek.support.testing.TicketEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.sla.clock.SlaClock;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.testing.MutableClock;

/**
 * Two instances, each with a standby copy of the other's partition (the platform's default of one standby
 * replica). The instance holding a ticket is killed with SIGKILL: from that moment until its partition has moved,
 * and after, the other instance answers the ticket's SLA status (from its copy while the killed owner is still
 * named in the metadata, then as the new owner).
 */
class SlaStandbyTest {

    private static final int PARTITIONS = 2; // support.kafka.partitions in the test configuration
    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path stateDirs;

    @Test
    void theSurvivorAnswersForTheKilledInstancesTicketsDuringAndAfterTheMove() throws Exception {
        String applicationId = "sla-it-standby-" + UUID.randomUUID();
        int killedPort = freePort();
        Process killed = launch(applicationId, killedPort);
        try (SlaInstance survivor = SlaInstance.start(applicationId, stateDirs.resolve("survivor"),
                new MutableClock(OPENED))) {
            awaitStatusAnswerable(killedPort);
            await().atMost(Duration.ofSeconds(120)).until(() -> holdsOneActiveAndOneStandbyTask(survivor));
            String ticketId = ticketHeldBy(killedPort, survivor);
            KafkaTestClients.send(opened(ticketId, Severity.SERIOUS, OPENED));
            await().atMost(Duration.ofSeconds(60)).until(() -> standbyCopyHas(survivor, ticketId));
            assertThat(status(survivor, ticketId).statusCode()).as("forwarded to the owner").isEqualTo(200);

            killed.destroyForcibly().waitFor(); // SIGKILL: its session lives on for session.timeout.ms

            List<String> refusals = new ArrayList<>();
            int answered = 0;
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until) {
                var response = status(survivor, ticketId);
                if (response.statusCode() == 200) {
                    assertThat(JSON.readTree(response.body()).get("ticketId").asString()).isEqualTo(ticketId);
                    answered++;
                } else {
                    refusals.add(response.statusCode() + " after " + answered + " answers: " + response.body());
                }
                Thread.sleep(250);
            }
            assertThat(refusals).as("refusals while the killed owner's partition moved").isEmpty();
            assertThat(answered).isPositive();
            await().atMost(Duration.ofSeconds(60)).until(() -> owner(survivor, ticketId).activeHost().port()
                    == survivor.port());
            assertThat(status(survivor, ticketId).statusCode()).as("answered by the new owner").isEqualTo(200);
        } finally {
            killed.destroyForcibly();
        }
    }

    private String ticketHeldBy(int port, SlaInstance survivor) {
        for (int partition = 0; partition < PARTITIONS; partition++) {
            String candidate = KafkaTestClients.ticketOnPartition(partition, PARTITIONS);
            if (owner(survivor, candidate).activeHost().port() == port) {
                return candidate;
            }
        }
        throw new IllegalStateException("the instance on port " + port + " holds no partition");
    }

    private static boolean holdsOneActiveAndOneStandbyTask(SlaInstance instance) {
        KafkaStreams streams = instance.streams().streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        var threads = streams.metadataForLocalThreads();
        return threads.stream().mapToInt(t -> t.activeTasks().size()).sum() == 1
                && threads.stream().mapToInt(t -> t.standbyTasks().size()).sum() == 1;
    }

    private static boolean standbyCopyHas(SlaInstance instance, String ticketId) {
        try {
            ReadOnlyKeyValueStore<String, SlaClock> store = instance.streams().streams().store(StoreQueryParameters
                    .fromNameAndType(SlaTopology.CLOCK_STORE, QueryableStoreTypes.<String, SlaClock>keyValueStore())
                    .withPartition(owner(instance, ticketId).partition()).enableStaleStores());
            return store.get(ticketId) != null;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static KeyQueryMetadata owner(SlaInstance instance, String ticketId) {
        return instance.streams().streams().queryMetadataForKey(SlaTopology.CLOCK_STORE, ticketId,
                Serdes.String().serializer());
    }

    private static HttpResponse<String> status(SlaInstance instance, String ticketId) {
        return instance.get("/api/v1/tickets/" + ticketId + "/sla", "reader-token");
    }

    private Process launch(String applicationId, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long offsetMillis = Duration.between(Instant.now(), OPENED).toMillis(); // both instances' "now" is OPENED
        List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dsla.test.clock-offset-millis=" + offsetMillis, "-cp", System.getProperty("java.class.path"), CrashableSlaApplication.class.getName(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KafkaTestClients.brokers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + stateDirs.resolve("killed"),
                "--logging.level.root=WARN");
        File log = Path.of("target", "standby-test-killed.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    private static void awaitStatusAnswerable(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health/sla-status")).timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
