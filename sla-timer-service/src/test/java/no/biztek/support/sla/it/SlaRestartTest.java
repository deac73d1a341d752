package no.biztek.support.sla.it;

import static no.biztek.support.testing.TicketEvents.newTicketId;
import static no.biztek.support.testing.TicketEvents.opened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.testing.MutableClock;

/**
 * Clocks survive a restart of the application: over the same state directory, and over a wiped one (the
 * stores are restored from their changelogs). Breaches that fell due while it was down, and those that
 * fall due after, fire after the restart, each exactly once.
 */
class SlaRestartTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @TempDir
    Path stateDirs;

    @Test
    void restartOverTheSameStateDirectoryKeepsEveryClock() throws IOException {
        restartScenario(false);
    }

    @Test
    void restartOverAWipedStateDirectoryRestoresEveryClockFromTheChangelog() throws IOException {
        restartScenario(true);
    }

    private void restartScenario(boolean wipeState) throws IOException {
        String applicationId = "sla-it-restart-" + UUID.randomUUID();
        Path stateDir = stateDirs.resolve("instance");
        MutableClock clock = new MutableClock(oslo("2026-03-02T09:30"));
        String dueWhileDown = newTicketId();     // critical, opened 09:00: due 10:00
        String dueAfterRestart = newTicketId();  // critical, opened 09:30: due 10:30
        String notYetDue = newTicketId();        // serious, opened 09:00: due 13:00
        List<String> ticketIds = List.of(dueWhileDown, dueAfterRestart, notYetDue);

        try (SlaInstance first = SlaInstance.start(applicationId, stateDir, clock);
             var sla = KafkaTestClients.slaEvents(ticketIds)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.state() == KafkaStreams.State.RUNNING);
            KafkaTestClients.send(opened(dueWhileDown, Severity.CRITICAL, oslo("2026-03-02T09:00")),
                    opened(dueAfterRestart, Severity.CRITICAL, oslo("2026-03-02T09:30")),
                    opened(notYetDue, Severity.SERIOUS, oslo("2026-03-02T09:00")));
            // the 50 % warning of the first ticket (09:30) fires at once: the clock is 09:30
            await().atMost(Duration.ofSeconds(30)).until(() -> sla.poll().size() == 4);
        }

        if (wipeState) {
            deleteRecursively(stateDir);
        }
        clock.set(oslo("2026-03-02T10:15")); // the first deadline passes while no instance runs

        try (SlaInstance second = SlaInstance.start(applicationId, stateDir, clock);
             var sla = KafkaTestClients.slaEvents(ticketIds)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> second.state() == KafkaStreams.State.RUNNING);
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(sla.poll(), dueWhileDown).contains("Breached"));
            assertThat(kinds(sla.poll(), dueAfterRestart)).doesNotContain("Breached");

            clock.set(oslo("2026-03-02T10:30:00.200"));
            await().atMost(Duration.ofSeconds(30)).until(() -> kinds(sla.poll(), dueAfterRestart).contains("Breached"));

            // nothing more arrives: no second breach, no restarted clock, no repeated warning
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(sla.poll().stream().map(r -> ticketIds.indexOf(r.key()) + ":"
                            + kinds(List.of(r), r.key()).get(0) + "@" + r.offset()).toList()).hasSize(8));
            assertThat(kinds(sla.poll(), dueWhileDown)).containsExactly("ClockStarted", "Warning50", "Breached");
            assertThat(kinds(sla.poll(), dueAfterRestart)).containsExactly("ClockStarted", "Warning50", "Warning75",
                    "Breached");
            assertThat(kinds(sla.poll(), notYetDue)).containsExactly("ClockStarted");
            assertThat(sla.poll()).extracting(r -> r.value().getEventId()).doesNotHaveDuplicates();

            var status = second.get("/api/v1/tickets/" + notYetDue + "/sla", "reader-token");
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"state\":\"RUNNING\"");
        }
    }

    private static List<String> kinds(List<ConsumerRecord<String, SlaEvent>> records, String ticketId) {
        return records.stream().filter(r -> r.key().equals(ticketId)).map(r -> {
            Object payload = r.value().getPayload();
            return payload instanceof SlaWarning warning ? "Warning" + warning.getThresholdPercent()
                    : payload.getClass().getSimpleName().replace("Sla", "");
        }).toList();
    }

    private static Instant oslo(String local) {
        return LocalDateTime.parse(local).atZone(OSLO).toInstant();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertThat(dir).doesNotExist();
    }
}
