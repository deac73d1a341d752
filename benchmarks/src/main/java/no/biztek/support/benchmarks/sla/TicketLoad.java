package no.biztek.support.benchmarks.sla;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.producer.KafkaProducer;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.testing.TicketEvents;

/**
 * The throughput modes' input: per ticket {@code TicketOpened} (severity 3, an hour before the virtual start),
 * {@code FirstResponseRecorded} 30 min later and {@code TicketResolved} 50 min later; every clock starts, meets
 * its first response and stops.
 */
final class TicketLoad {

    private TicketLoad() {
    }

    static void produce(BenchKafka kafka, String run, int tickets) {
        long produceStart = System.nanoTime();
        Instant opened = VirtualTime.START.minus(Duration.ofHours(1));
        try (KafkaProducer<String, TicketEvent> producer = kafka.producer()) {
            for (int i = 0; i < tickets; i++) {
                String ticketId = run + "-" + i;
                BenchKafka.send(producer, TicketEvents.opened(ticketId, Severity.LESS_SERIOUS, opened));
                BenchKafka.send(producer, TicketEvents.responded(ticketId, opened.plus(Duration.ofMinutes(30))));
                BenchKafka.send(producer, TicketEvents.resolved(ticketId, opened.plus(Duration.ofMinutes(50))));
            }
            producer.flush();
        }
        System.out.printf("produced %,d ticket events in %.1f s%n", tickets * 3,
                (System.nanoTime() - produceStart) / 1e9);
    }
}
