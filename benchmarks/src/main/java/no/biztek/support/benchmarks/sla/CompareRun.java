package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.util.UUID;

import no.biztek.support.schemas.topic.Topics;

/**
 * {@code compare events=1200000}: pre-loads ticket events as {@code throughput} does, then works through the
 * whole input topic twice, each time with a fresh application id on the same broker: first a Kafka Streams
 * passthrough of the same events with the same serde and settings ({@link PassthroughStreams}), then the SLA
 * topology ({@link SlaStreams}); prints both rates and their ratio. {@code rounds=2} repeats the pair (the JIT
 * has compiled the Kafka clients by the second round, for both alike).
 */
record CompareRun(DriverOptions options, BenchKafka kafka, SlaStreams streams) {

    void run() throws Exception {
        int tickets = options.intOption("events", 1_200_000) / 3;
        kafka.ensureTopics();
        kafka.ensureTopic(PassthroughStreams.OUTPUT, Topics.SLA_EVENTS.defaultPartitions());
        String run = "sla-bench-compare-" + UUID.randomUUID().toString().substring(0, 8);
        long before = kafka.endOffsets();
        TicketLoad.produce(kafka, run, tickets);
        long total = kafka.endOffsets();
        System.out.printf("topic holds %,d events (%,d before this run)%n", total, before);

        PassthroughStreams passthrough = new PassthroughStreams(options);
        int rounds = options.intOption("rounds", 1);
        for (int round = 1; round <= rounds; round++) {
            String baseId = run + "-passthrough-" + round;
            Path baseDir = options.baseDir().resolve(baseId);
            Drain base = Drain.measure("passthrough (round " + round + ")", kafka, baseId, total,
                    () -> passthrough.start(baseId, baseDir));
            String slaId = run + "-sla-" + round;
            Path slaDir = options.baseDir().resolve(slaId);
            BenchMetrics metrics = new BenchMetrics();
            Drain sla = Drain.measure("sla topology (round " + round + ")", kafka, slaId, total,
                    () -> streams.start(slaId, slaDir, metrics));
            System.out.printf("round %d: passthrough %,.0f events/s, sla topology %,.0f events/s: ratio %.2f "
                    + "(sustained %,.0f / %,.0f: %.2f)%n", round, base.rate(), sla.rate(), sla.rate() / base.rate(),
                    base.sustained(), sla.sustained(), sla.sustained() / base.sustained());
            StateDirectory.delete(baseDir);
            StateDirectory.delete(slaDir);
        }
        Report.printHeap();
    }
}
