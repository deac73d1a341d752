package no.biztek.support.sla.it;

import static no.biztek.support.testing.TicketEvents.newTicketId;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * SPEC §5: no lost and no duplicate SLA event across a crash ({@code kill -9}) and restart. The
 * application runs in a child process; it is killed while breaches are falling due, restarted over the
 * same state directory, and every SLA event of every ticket is then found exactly once.
 */
class SlaCrashTest {

    private static final Instant VIRTUAL_START = Instant.parse("2026-03-02T08:00:00Z"); // Monday 09:00 in Oslo
    private static final int TICKETS = 20;

    @TempDir
    Path stateDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killChildren() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void killedWhileBreachesFallDueLosesAndDuplicatesNothing() throws Exception {
        String applicationId = "sla-it-crash-" + UUID.randomUUID();
        long offsetMillis = Duration.between(Instant.now(), VIRTUAL_START).toMillis();
        int port = freePort();

        Process first = launch(applicationId, port, offsetMillis, "first");
        awaitReady(port);
        Instant virtualNow = Instant.now().plusMillis(offsetMillis);
        List<String> ticketIds = new ArrayList<>();
        List<TicketEvent> events = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            String ticketId = newTicketId();
            ticketIds.add(ticketId);
            Instant due = virtualNow.plusSeconds(6).plusMillis(400L * i); // one deadline every 0.4 s, over 8 s
            events.add(opened(ticketId, Severity.CRITICAL, due.minus(Duration.ofHours(1))));
        }

        try (var sla = KafkaTestClients.slaEvents(ticketIds)) {
            KafkaTestClients.send(events.toArray(TicketEvent[]::new));
            await().atMost(Duration.ofSeconds(60)).until(() -> breaches(sla.poll()) >= 4);
            first.destroyForcibly().waitFor(); // SIGKILL, mid-stream
            long breachesBeforeCrash = breaches(sla.poll());
            assertThat(breachesBeforeCrash).as("killed while deadlines were still falling due").isLessThan(TICKETS);

            launch(applicationId, port, offsetMillis, "second");
            await().atMost(Duration.ofSeconds(120)).until(() -> breaches(sla.poll()) >= TICKETS);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> sla.poll().size() == TICKETS * 5);

            List<ConsumerRecord<String, SlaEvent>> all = sla.poll();
            assertThat(all).extracting(r -> r.value().getEventId()).doesNotHaveDuplicates();
            Map<String, List<String>> kindsByTicket = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> kind(r.value()), Collectors.toList())));
            assertThat(kindsByTicket).hasSize(TICKETS);
            assertThat(kindsByTicket.values()).allSatisfy(kinds -> assertThat(kinds)
                    .containsExactly("SlaClockStarted", "SlaWarning", "SlaWarning", "SlaWarning", "SlaBreached"));
        }
    }

    private static long breaches(List<ConsumerRecord<String, SlaEvent>> records) {
        return records.stream().filter(r -> r.value().getPayload() instanceof SlaBreached).count();
    }

    private static String kind(SlaEvent event) {
        return event.getPayload().getClass().getSimpleName();
    }

    private Process launch(String applicationId, int port, long offsetMillis, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dsla.test.clock-offset-millis=" + offsetMillis,
                "-cp", System.getProperty("java.class.path"), CrashableSlaApplication.class.getName(),
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KafkaTestClients.brokers(),
                "--spring.kafka.streams.application-id=" + applicationId,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--logging.level.root=WARN");
        File log = Path.of("target", "crash-test-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        processes.add(process);
        return process;
    }

    private static void awaitReady(int port) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/sla-status"))
                .timeout(Duration.ofSeconds(5)).build();
        Function<Void, Boolean> ready = ignored -> {
            try {
                return http.send(readiness, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> ready.apply(null));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
