package no.biztek.support.kafka.follow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

import no.biztek.support.schemas.topic.CleanupPolicy;
import no.biztek.support.schemas.topic.Topic;

/**
 * Reads a whole topic, every partition from the beginning and then as it grows, and hands each
 * decodable record to its views: what a service instance knows of all tickets, customers, pages or
 * billing lines without a database. The topic stays the source of truth; after a restart the views
 * are rebuilt by reading it again.
 *
 * <p>Reads only committed records ({@code isolation.level=read_committed}), so nothing of an aborted
 * Kafka Streams transaction is ever shown. Undecodable records are skipped here (logged): the
 * service that consumes the topic for processing dead-letters them. A caller can {@link #awaitCaughtUp wait} until everything written to
 * the topic before the call has been read, e.g. to read its own write back or to see what another
 * instance wrote a moment ago.
 */
public final class TopicFollower<V> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);

    /**
     * Receives every decodable record of the topic, in partition order, on the follower's thread; on a
     * compacted topic a {@code null} value is a tombstone.
     */
    @FunctionalInterface
    public interface View<V> {
        void fold(String key, V value);
    }

    private final Topic<String, V> topic;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final List<View<V>> views;
    private final boolean compacted;
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Waiter> newWaiters = new ConcurrentLinkedQueue<>();
    /** Waiters whose targets are known; the following thread's own, kept across reconnects. */
    private final List<Waiter> pending = new ArrayList<>();
    private final CompletableFuture<Void> initialCatchUp = new CompletableFuture<>();
    private volatile boolean running;
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    public TopicFollower(Topic<String, V> topic, Supplier<Consumer<byte[], byte[]>> consumers, List<View<V>> views) {
        this.topic = topic;
        this.consumers = consumers;
        this.views = List.copyOf(views);
        this.compacted = topic.cleanupPolicy() == CleanupPolicy.COMPACT;
    }

    /**
     * Consumers with the service's Kafka settings, but no group, no commits, committed records only, and
     * never creating the topic they follow (a topic gets its partitions from whoever owns it).
     */
    public static Supplier<Consumer<byte[], byte[]>> consumers(KafkaProperties kafka, String purpose) {
        return () -> {
            Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
            properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, purpose + "-" + UUID.randomUUID());
            return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        };
    }

    public Topic<String, V> topic() {
        return topic;
    }

    /** True once everything that was in the topic at start-up has been read. */
    public boolean isCaughtUp() {
        return initialCatchUp.isDone();
    }

    /**
     * Waits until every partition has been read up to its end as of this call. False when that does not
     * happen within the timeout (Kafka unreachable or slow).
     */
    public boolean awaitCaughtUp(Duration timeout) {
        return await(new Waiter(null, new CompletableFuture<>()), timeout);
    }

    /**
     * The value if a view has it; otherwise, after reading the topic up to its current end (so what
     * another instance wrote a moment ago is seen), the value or empty. Empty also when Kafka could not
     * be read in time: use {@link #awaitCaughtUp} directly to tell the two apart.
     */
    public <T> Optional<T> find(Supplier<Optional<T>> lookup, Duration timeout) {
        Optional<T> found = lookup.get();
        if (found.isPresent()) {
            return found;
        }
        awaitCaughtUp(timeout);
        return lookup.get();
    }

    /**
     * Waits until the views have read a record this instance just wrote, so that its next read sees it;
     * false (and logged) when that did not happen in time.
     */
    public boolean readBack(RecordMetadata written, Duration timeout) {
        boolean read = awaitRead(written.partition(), written.offset(), timeout);
        if (!read) {
            log.warn("Did not read back {}-{}@{} within {}", written.topic(), written.partition(), written.offset(),
                    timeout);
        }
        return read;
    }

    /** Waits until the record at {@code offset} of {@code partition} has been read. */
    public boolean awaitRead(int partition, long offset, Duration timeout) {
        return await(new Waiter(Map.of(partition, offset + 1), new CompletableFuture<>()), timeout);
    }

    private boolean await(Waiter waiter, Duration timeout) {
        if (!running) {
            return false;
        }
        newWaiters.add(waiter);
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            waiter.done().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "follow-" + topic.name());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // start before the web server takes requests, stop after it
        return Integer.MIN_VALUE + 1000;
    }

    private void run() {
        while (running) {
            try (Consumer<byte[], byte[]> c = consumers.get()) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                log.warn("Following {} failed, reconnecting: {}", topic.name(), e.toString());
                pause(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(Consumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = partitions(c);
        c.assign(partitions);
        Map<TopicPartition, Long> resumeAt = new HashMap<>();
        partitions.forEach(tp -> {
            Long position = positions.get(tp.partition());
            if (position != null) {
                resumeAt.put(tp, position);
            }
        });
        c.seekToBeginning(partitions.stream().filter(tp -> !resumeAt.containsKey(tp)).toList());
        resumeAt.forEach(c::seek);
        Map<Integer, Long> startEnd = ends(c, partitions);
        while (running) {
            try {
                readOnce(c, partitions, startEnd);
            } catch (WakeupException e) {
                // a new waiter woke the consumer (in poll, or in a position or end-offset lookup): go on
                if (!running) {
                    return;
                }
            }
        }
    }

    private void readOnce(Consumer<byte[], byte[]> c, List<TopicPartition> partitions, Map<Integer, Long> startEnd) {
        for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
            decodeAndFold(record);
        }
        partitions.forEach(tp -> positions.put(tp.partition(), c.position(tp)));
        if (!initialCatchUp.isDone() && reached(startEnd)) {
            initialCatchUp.complete(null);
            log.info("Read {} up to its end at start-up", topic.name());
        }
        // a waiter leaves the queue only once its targets are known, so a wakeup in between loses none
        for (Waiter w; (w = newWaiters.peek()) != null; ) {
            pending.add(w.targets() == null ? new Waiter(ends(c, partitions), w.done()) : w);
            newWaiters.poll();
        }
        pending.removeIf(waiter -> {
            if (reached(waiter.targets())) {
                waiter.done().complete(null);
                return true;
            }
            return false;
        });
    }

    private Map<Integer, Long> ends(Consumer<byte[], byte[]> c, List<TopicPartition> partitions) {
        Map<Integer, Long> ends = new HashMap<>();
        c.endOffsets(partitions).forEach((tp, end) -> ends.put(tp.partition(), end));
        return ends;
    }

    private boolean reached(Map<Integer, Long> targets) {
        return targets.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private void decodeAndFold(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || (record.value() == null && !compacted)) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        V value;
        try {
            // a null value of a compacted topic is a tombstone: views see it as null and forget the key
            value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            log.debug("Skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        for (View<V> view : views) {
            try {
                view.fold(key, value);
            } catch (RuntimeException e) {
                log.error("A view of {} failed on record {}-{}@{}; skipping it there", topic.name(),
                        record.partition(), record.offset(), e);
            }
        }
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic.name());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            pause(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Done when every partition in {@code targets} has been read up to its offset; null targets: all ends. */
    private record Waiter(Map<Integer, Long> targets, CompletableFuture<Void> done) {
    }
}
