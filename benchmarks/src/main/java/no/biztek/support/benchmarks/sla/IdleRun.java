package no.biztek.support.benchmarks.sla;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
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
 * {@code idle clocks=10000 seconds=60}: opens {@code clocks} tickets whose next timers are hours away, lets the
 * topology catch up, then measures the CPU time it uses with nothing to do for {@code seconds}: the whole
 * process's and the stream threads' alone. What a punctuation with nothing due costs shows here.
 */
record IdleRun(DriverOptions options, BenchKafka kafka, SlaStreams streams) {

    void run() throws Exception {
        int clocks = options.intOption("clocks", 10_000);
        int seconds = options.intOption("seconds", 60);
        kafka.ensureTopics();
        String run = "sla-bench-idle-" + UUID.randomUUID().toString().substring(0, 8);
        Instant opened = VirtualTime.START.minus(Duration.ofMinutes(30));
        try (KafkaProducer<String, TicketEvent> producer = kafka.producer()) {
            for (int i = 0; i < clocks; i++) {
                BenchKafka.send(producer, TicketEvents.opened(run + "-" + i, Severity.LESS_SERIOUS, opened));
            }
            producer.flush();
        }
        long total = kafka.endOffsets();
        Path stateDir = options.baseDir().resolve(run);
        KafkaStreams app = streams.start(run, stateDir, new BenchMetrics());
        SlaStreams.awaitRunning(app, Duration.ofMinutes(2));
        kafka.awaitCaughtUp(run, total, Duration.ofMinutes(10));
        Thread.sleep(5_000); // the last commits and the JIT settle
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processBefore = os.getProcessCpuTime();
        long streamBefore = streamThreadsCpu(threads);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double wall = (System.nanoTime() - start) / 1e9;
        double process = (os.getProcessCpuTime() - processBefore) / 1e9;
        double stream = (streamThreadsCpu(threads) - streamBefore) / 1e9;
        System.out.printf("idle for %.1f s with %,d open clocks: process CPU %.2f s (%.1f %% of a core), stream "
                + "threads %.2f s (%.1f %% of a core)%n", wall, clocks, process, 100 * process / wall, stream,
                100 * stream / wall);
        app.close(Duration.ofSeconds(60));
    }

    private static long streamThreadsCpu(ThreadMXBean threads) {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains("StreamThread")) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}
