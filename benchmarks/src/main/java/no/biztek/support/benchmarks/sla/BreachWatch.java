package no.biztek.support.benchmarks.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Receives the breaches of the watched tickets as the downstream services do (read_committed, i.e. after the
 * transaction commit) and measures end-to-end lag: received at the topology's clock minus the deadline.
 */
final class BreachWatch {

    private final BenchKafka kafka;
    private final Clock clock;
    private final Map<String, Instant> dueAt;
    private final Set<String> breached = new HashSet<>();
    private final Set<String> eventIds = new HashSet<>();
    private final List<Long> endToEndMillis = new ArrayList<>();
    private long duplicates;

    /** @param dueAt the watched tickets and their deadlines */
    BreachWatch(BenchKafka kafka, Clock clock, Map<String, Instant> dueAt) {
        this.kafka = kafka;
        this.clock = clock;
        this.dueAt = dueAt;
    }

    /** Reads SLA events from the current end of the topic until every watched ticket breached or {@code until}. */
    void watchUntil(Instant until) {
        try (KafkaConsumer<String, SlaEvent> consumer = kafka.committedSlaEvents()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (breached.size() < dueAt.size() && clock.instant().isBefore(until)) {
                for (ConsumerRecord<String, SlaEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record, clock.instant());
                }
            }
        }
    }

    private void accept(ConsumerRecord<String, SlaEvent> record, Instant received) {
        if (!(record.value().getPayload() instanceof SlaBreached) || !dueAt.containsKey(record.key())) {
            return;
        }
        if (!eventIds.add(record.value().getEventId())) {
            duplicates++;
            return;
        }
        breached.add(record.key());
        endToEndMillis.add(Duration.between(dueAt.get(record.key()), received).toMillis());
    }

    int breached() {
        return breached.size();
    }

    long duplicates() {
        return duplicates;
    }

    List<Long> endToEndMillis() {
        return endToEndMillis;
    }
}
