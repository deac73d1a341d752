package no.biztek.support.benchmarks.sla;

import java.util.Arrays;

/**
 * Load driver for the SLA topology against a running broker (see {@link SlaBenchBroker}); a benchmark, not a
 * test. Runs the real topology of sla-timer-service in a plain Kafka Streams with exactly-once, the service's
 * settings, and a clock shifted so that "now" is Monday 2 March 2026 09:00 in Oslo (inside opening hours)
 * while it ticks in real time ({@link VirtualTime}). Modes:
 * <ul>
 * <li>{@code throughput events=300000}: pre-loads ticket events (per ticket: opened, first response,
 * resolved), then measures how fast the topology works through them ({@link ThroughputRun});</li>
 * <li>{@code compare events=1200000}: the same input, worked through first by a Kafka Streams passthrough with
 * the same serde and settings, then by the SLA topology; prints both rates and the ratio ({@link CompareRun});</li>
 * <li>{@code scale clocks=1000000}: loads that many open clocks, then restarts over the same state
 * directory and over a wiped one (restore from the changelogs), timing each start and reporting heap
 * ({@link ScaleRun});</li>
 * <li>{@code timeliness rate=1000 seconds=60}: {@code rate} deadlines fall due per second for
 * {@code seconds}, with background ticket traffic; reports breach lag, processor and end to end
 * ({@link TimelinessRun});</li>
 * <li>{@code idle clocks=10000 seconds=60}: the CPU time the topology uses with open clocks and nothing due
 * ({@link IdleRun}).</li>
 * </ul>
 * Options: {@code brokers=localhost:19092 threads=2 commit=<ms> poll=<ms> punctuation=<ms> dir=/tmp/sla-bench}. See docs/benchmarks-sla-timer.md.
 */
public final class SlaLoadDriver {

    private SlaLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SlaLoadDriver throughput|compare|scale|timeliness|idle [key=value ...]");
            System.exit(2);
        }
        DriverOptions options = DriverOptions.parse(Arrays.copyOfRange(args, 1, args.length));
        BenchKafka kafka = new BenchKafka(options.brokers());
        SlaStreams streams = new SlaStreams(options);
        System.out.printf("JVM %s, max heap %d MiB, %d CPUs%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        switch (args[0]) {
            case "throughput" -> new ThroughputRun(options, kafka, streams).run();
            case "compare" -> new CompareRun(options, kafka, streams).run();
            case "idle" -> new IdleRun(options, kafka, streams).run();
            case "scale" -> new ScaleRun(options, kafka, streams).run();
            case "timeliness" -> new TimelinessRun(options, kafka, streams).run();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        // Kafka clients' and Streams' non-daemon threads must not keep the JVM alive
        System.exit(0);
    }
}
