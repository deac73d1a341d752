package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.testing.TicketEvents;

/**
 * {@code scale clocks=1000000}: loads that many open clocks, then restarts the application over the same state
 * directory and over a wiped one (all stores restored from their changelogs), timing each start and reporting
 * heap and state size.
 */
record ScaleRun(DriverOptions options, BenchKafka kafka, SlaStreams streams) {

    void run() throws Exception {
        int clocks = options.intOption("clocks", 1_000_000);
        kafka.ensureTopics();
        String run = "sla-bench-scale-" + UUID.randomUUID().toString().substring(0, 8);
        long before = kafka.endOffsets();
        long produceStart = System.nanoTime();
        produce(run, clocks);
        long total = kafka.endOffsets();
        System.out.printf("produced %,d TicketOpened in %.1f s (topic holds %,d, %,d before)%n", clocks,
                (System.nanoTime() - produceStart) / 1e9, total, before);

        Path stateDir = options.baseDir().resolve(run);
        load(run, stateDir, total);
        KafkaStreams app = restart(run, stateDir, Duration.ofMinutes(5),
                "restart over the same state directory: RUNNING after %.1f s; open clocks %,d%n");
        SlaStreams.timedClose(app);
        StateDirectory.delete(stateDir);
        app = restart(run, stateDir, Duration.ofMinutes(10), "restart over a wiped state directory (restore from"
                + " changelogs): RUNNING after %.1f s; open clocks %,d%n");
        System.out.printf("state directory after restore: %,d MiB%n", StateDirectory.size(stateDir) >> 20);
        Report.printHeap();
        SlaStreams.timedClose(app);
    }

    private void produce(String run, int clocks) {
        Instant opened = VirtualTime.START.minus(Duration.ofMinutes(30));
        try (KafkaProducer<String, TicketEvent> producer = kafka.producer()) {
            for (int i = 0; i < clocks; i++) {
                BenchKafka.send(producer, TicketEvents.opened(run + "-" + i, Severity.LESS_SERIOUS, opened));
            }
            producer.flush();
        }
    }

    private void load(String run, Path stateDir, long total) throws Exception {
        BenchMetrics metrics = new BenchMetrics();
        KafkaStreams app = streams.start(run, stateDir, metrics);
        SlaStreams.awaitRunning(app, Duration.ofMinutes(2));
        long running = System.nanoTime();
        kafka.awaitCaughtUp(run, total, Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - running) / 1e9;
        System.out.printf("loaded: %,d events in %.1f s (%,.0f events/s); open clocks on this instance: %,d%n",
                total, seconds, total / seconds, metrics.openClocks());
        System.out.printf("state directory: %,d MiB%n", StateDirectory.size(stateDir) >> 20);
        Report.printHeap();
        SlaStreams.timedClose(app);
    }

    /** Starts the application again; prints {@code format} with the seconds until RUNNING and the open clocks. */
    private KafkaStreams restart(String run, Path stateDir, Duration timeout, String format)
            throws InterruptedException {
        BenchMetrics metrics = new BenchMetrics();
        long start = System.nanoTime();
        KafkaStreams app = streams.start(run, stateDir, metrics);
        SlaStreams.awaitRunning(app, timeout);
        System.out.printf(format, (System.nanoTime() - start) / 1e9, metrics.openClocks());
        return app;
    }
}
