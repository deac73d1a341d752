package no.biztek.support.benchmarks.sla;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;

/**
 * How fast a fresh application works through the whole input topic: from RUNNING until its group has committed
 * every input offset.
 *
 * @param events    the input events (the topic's end offsets when it started)
 * @param seconds   from RUNNING to the last input offset committed
 * @param sustained the rate between 10 % and 90 % of the run (NaN for a very short run)
 */
record Drain(long events, double seconds, double sustained) {

    double rate() {
        return events / seconds;
    }

    /** Starts the application, measures it through {@code total} input events, and closes it. */
    static Drain measure(String label, BenchKafka kafka, String applicationId, long total,
                         Supplier<KafkaStreams> start) throws Exception {
        KafkaStreams app = start.get();
        long started = System.nanoTime();
        SlaStreams.awaitRunning(app, Duration.ofMinutes(2));
        long running = System.nanoTime();
        Progress progress = kafka.awaitCaughtUp(applicationId, total, Duration.ofMinutes(15));
        double seconds = (System.nanoTime() - running) / 1e9;
        Drain drain = new Drain(total, seconds, progress.sustained());
        System.out.printf("%s: started in %.1f s; processed %,d events in %.1f s: %,.0f events/s (sustained %,.0f)%n",
                label, (running - started) / 1e9, total, seconds, drain.rate(), drain.sustained());
        app.close(Duration.ofSeconds(60));
        return drain;
    }
}
