package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.streams.KafkaStreams;

/**
 * {@code throughput events=300000}: pre-loads ticket events (per ticket: opened, first response 30 min later,
 * resolved), then starts a fresh application and measures from RUNNING until the group has committed every
 * input offset. A fresh application id reads the whole topic, earlier runs' events included.
 */
record ThroughputRun(DriverOptions options, BenchKafka kafka, SlaStreams streams) {

    void run() throws Exception {
        int tickets = options.intOption("events", 300_000) / 3;
        kafka.ensureTopics();
        String run = "sla-bench-throughput-" + UUID.randomUUID().toString().substring(0, 8);
        long offsetsBefore = kafka.endOffsets();
        TicketLoad.produce(kafka, run, tickets);
        long total = kafka.endOffsets();
        System.out.printf("topic holds %,d events (%,d before this run)%n", total, offsetsBefore);

        BenchMetrics metrics = new BenchMetrics();
        Path stateDir = options.baseDir().resolve(run);
        KafkaStreams app = streams.start(run, stateDir, metrics);
        long start = System.nanoTime();
        SlaStreams.awaitRunning(app, Duration.ofMinutes(2));
        long running = System.nanoTime();
        Progress progress = kafka.awaitCaughtUp(run, total, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - running) / 1e9;
        System.out.printf("started in %.1f s; processed %,d events in %.1f s: %,.0f events/s%n",
                (running - start) / 1e9, total, seconds, total / seconds);
        progress.printSustained();
        // the application reads the whole topic: on a broker used before, earlier runs' tickets are met too
        System.out.printf("SlaMet emitted: %,d, for every ticket on the topic (this run opened %,d of them)%n",
                metrics.met(), tickets);
        Report.printHeap();
        app.close(Duration.ofSeconds(60));
    }
}
