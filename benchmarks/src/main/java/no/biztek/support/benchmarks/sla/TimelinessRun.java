package no.biztek.support.benchmarks.sla;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.streams.KafkaStreams;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.testing.TicketEvents;

/**
 * {@code timeliness rate=1000 seconds=60}: critical tickets whose deadlines fall due {@code rate} per second for
 * {@code seconds}, the first {@code lead} seconds (default 90) after the start, while {@code background} new
 * tickets per second (default 2000) arrive; reports breach lag at the processor (the metric the service exports)
 * and end to end.
 */
record TimelinessRun(DriverOptions options, BenchKafka kafka, SlaStreams streams) {

    void run() throws Exception {
        int rate = options.intOption("rate", 1000);
        int seconds = options.intOption("seconds", 60);
        int leadSeconds = options.intOption("lead", 90);
        int backgroundRate = options.intOption("background", 2000);
        kafka.ensureTopics();
        String run = "sla-bench-timeliness-" + UUID.randomUUID().toString().substring(0, 8);
        Instant firstDue = VirtualTime.START.plusSeconds(leadSeconds);
        Map<String, Instant> dueAt = produce(run, rate * seconds, rate, firstDue);
        long total = kafka.endOffsets();
        System.out.printf("produced %,d critical tickets due %,d per second from virtual %s%n", dueAt.size(), rate,
                firstDue);

        BenchMetrics metrics = new BenchMetrics();
        Path stateDir = options.baseDir().resolve(run);
        Clock clock = VirtualTime.startingNow();
        KafkaStreams app = streams.start(run, stateDir, metrics, clock);
        SlaStreams.awaitRunning(app, Duration.ofMinutes(2));
        kafka.awaitCaughtUp(run, total, Duration.ofSeconds(leadSeconds));
        Instant caughtUp = clock.instant();
        System.out.printf("ingest done at virtual %s (first deadline %s)%n", caughtUp, firstDue);
        if (caughtUp.isAfter(firstDue)) {
            System.out.println("WARNING: ingest did not finish before the first deadline; lags include ingest");
        }

        BackgroundTraffic background = new BackgroundTraffic(kafka, run, backgroundRate, clock);
        background.start();
        BreachWatch breaches = new BreachWatch(kafka, clock, dueAt);
        breaches.watchUntil(firstDue.plusSeconds(seconds + 60L));
        long backgroundEvents = background.stop();
        System.out.printf("breaches received: %,d of %,d (duplicates %d); background events produced: %,d%n",
                breaches.breached(), dueAt.size(), breaches.duplicates(), backgroundEvents);
        System.out.println("breach lag at the processor (emitted minus dueAt, ms): "
                + Report.percentiles(metrics.timerLagsMillis()));
        System.out.println("breach lag end to end (read_committed consumer receives minus dueAt, ms): "
                + Report.percentiles(breaches.endToEndMillis()));
        Report.printHeap();
        app.close(Duration.ofSeconds(60));
    }

    /** Critical tickets (1 business hour), each opened an hour before its deadline, inside opening hours. */
    private Map<String, Instant> produce(String run, int deadlines, int rate, Instant firstDue) {
        Map<String, Instant> dueAt = new HashMap<>();
        try (KafkaProducer<String, TicketEvent> producer = kafka.producer()) {
            for (int i = 0; i < deadlines; i++) {
                String ticketId = run + "-" + i;
                Instant due = firstDue.plusNanos(i * 1_000_000_000L / rate);
                dueAt.put(ticketId, due);
                Instant opened = due.minus(Duration.ofHours(1));
                BenchKafka.send(producer, TicketEvents.opened(ticketId, Severity.CRITICAL, opened));
            }
            producer.flush();
        }
        return dueAt;
    }
}
