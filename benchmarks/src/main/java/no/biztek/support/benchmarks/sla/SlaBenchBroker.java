package no.biztek.support.benchmarks.sla;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft Kafka broker (the real broker code, as spring-kafka-test runs it) in a JVM of its
 * own, for {@link SlaLoadDriver}. Runs until the process is stopped; prints {@code BROKER READY localhost:<port>}
 * (a free port: the KRaft test kit picks its own). See docs/benchmarks-sla-timer.md.
 */
public final class SlaBenchBroker {

    private SlaBenchBroker() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "group.initial.rebalance.delay.ms", "0",
                "log.retention.ms", "-1",
                "num.partitions", "6"));
        broker.afterPropertiesSet();
        System.out.println("BROKER READY " + broker.getBrokersAsString());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.destroy();
            stopped.countDown();
        }));
        stopped.await();
    }
}
