package no.biztek.support.benchmarks.sla;

import java.time.Clock;

import org.apache.kafka.clients.producer.KafkaProducer;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.testing.TicketEvents;

/** New tickets at a steady rate, opened at the topology's "now", on a thread of its own until stopped. */
final class BackgroundTraffic {

    private final BenchKafka kafka;
    private final String run;
    private final int perSecond;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile long produced;

    BackgroundTraffic(BenchKafka kafka, String run, int perSecond, Clock clock) {
        this.kafka = kafka;
        this.run = run;
        this.perSecond = perSecond;
        this.clock = clock;
        this.thread = new Thread(this::produce, "background-traffic");
    }

    void start() {
        thread.start();
    }

    /** Stops and returns the number of tickets produced. */
    long stop() throws InterruptedException {
        stopped = true;
        thread.join();
        return produced;
    }

    private void produce() {
        try (KafkaProducer<String, TicketEvent> producer = kafka.producer()) {
            long started = System.nanoTime();
            long count = 0;
            while (!stopped) {
                long due = (System.nanoTime() - started) * perSecond / 1_000_000_000L;
                while (count < due && !stopped) {
                    count++;
                    BenchKafka.send(producer, TicketEvents.opened(run + "-bg-" + count, Severity.LESS_SERIOUS,
                            clock.instant()));
                    produced = count;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
