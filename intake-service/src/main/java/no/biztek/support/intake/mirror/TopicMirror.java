package no.biztek.support.intake.mirror;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import no.biztek.support.schemas.topic.Topic;

/**
 * An in-memory view of a whole topic, every partition from the beginning, folded per key: what this
 * instance knows of all tickets or customers without a database. The topic stays the source of truth.
 *
 * <p>A lookup that misses can first {@link #awaitCaughtUp(String, Duration) catch up} with the key's
 * partition, so a record written by another instance a moment ago is found. Records this instance
 * wrote itself are {@link #apply applied} at once; each key remembers the offset of the record it was
 * folded from, so an older record never overwrites a newer state.
 *
 * @param <V> record value type
 * @param <S> state kept per key; a fold returning {@code null} forgets the key
 */
public final class TopicMirror<V, S> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final Topic<String, V> topic;
    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final BiFunction<S, V, S> fold;
    private final Map<String, Folded<S>> states = new ConcurrentHashMap<>();
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Waiter> newWaiters = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> initialCatchUp = new CompletableFuture<>();
    private volatile int partitionCount;
    private volatile boolean running;
    private volatile Consumer<byte[], byte[]> consumer;
    private Thread thread;

    public TopicMirror(Topic<String, V> topic, Supplier<Consumer<byte[], byte[]>> consumers,
                       BiFunction<S, V, S> fold) {
        this.topic = topic;
        this.consumers = consumers;
        this.fold = fold;
    }

    /** The state of a key as far as this instance has read. */
    public Optional<S> get(String key) {
        Folded<S> folded = states.get(key);
        return folded == null ? Optional.empty() : Optional.of(folded.state());
    }

    /**
     * Reads the key's partition up to its end as of now, so that a record any instance wrote before
     * this call is folded in. False when that does not happen within the timeout (Kafka unreachable).
     */
    public boolean awaitCaughtUp(String key, Duration timeout) {
        if (!running || partitionCount == 0) {
            return false;
        }
        Waiter waiter = new Waiter(partitionOf(key), new CompletableFuture<>());
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

    /** True once everything that was in the topic at start-up has been read. */
    public boolean isCaughtUp() {
        return initialCatchUp.isDone();
    }

    /** Folds a record this instance has just written (and the broker acknowledged at {@code offset}). */
    public void apply(String key, V value, long offset) {
        foldIn(key, value, offset);
    }

    private void foldIn(String key, V value, long offset) {
        states.compute(key, (k, current) -> {
            if (current != null && current.offset() >= offset) {
                return current;
            }
            S next = fold.apply(current == null ? null : current.state(), value);
            return next == null ? null : new Folded<>(next, offset);
        });
    }

    private int partitionOf(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "mirror-" + topic.name());
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

    private void run() {
        while (running) {
            try (Consumer<byte[], byte[]> c = consumers.get()) {
                consumer = c;
                follow(c);
            } catch (WakeupException e) {
                // stopping
            } catch (RuntimeException e) {
                log.warn("Mirror of {} failed, reconnecting: {}", topic.name(), e.toString());
                sleepQuietly(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(Consumer<byte[], byte[]> c) {
        List<TopicPartition> partitions = partitions(c);
        partitionCount = partitions.size();
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
        Map<TopicPartition, Long> startEnd = c.endOffsets(partitions);
        List<Waiter> pending = new ArrayList<>();
        while (running) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = c.poll(POLL);
            } catch (WakeupException e) {
                if (!running) {
                    return;
                }
                records = ConsumerRecords.empty();
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                decodeAndFold(record);
            }
            partitions.forEach(tp -> positions.put(tp.partition(), c.position(tp)));
            if (!initialCatchUp.isDone() && reached(startEnd)) {
                initialCatchUp.complete(null);
                log.info("Mirror of {} caught up: {} keys", topic.name(), states.size());
            }
            acceptNewWaiters(c, pending);
            pending.removeIf(waiter -> {
                if (positions.getOrDefault(waiter.partition(), -1L) >= waiter.target()) {
                    waiter.done().complete(null);
                    return true;
                }
                return false;
            });
        }
    }

    private void acceptNewWaiters(Consumer<byte[], byte[]> c, List<Waiter> pending) {
        List<Waiter> arrived = new ArrayList<>();
        for (Waiter w; (w = newWaiters.poll()) != null; ) {
            arrived.add(w);
        }
        if (arrived.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = c.endOffsets(arrived.stream()
                .map(w -> new TopicPartition(topic.name(), w.partition())).distinct().toList());
        arrived.forEach(w -> pending.add(w.withTarget(ends.get(new TopicPartition(topic.name(), w.partition())))));
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> positions.getOrDefault(e.getKey().partition(), -1L) >= e.getValue());
    }

    private void decodeAndFold(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        V value;
        try {
            value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            log.error("Skipping undecodable record {}-{}@{} in the mirror: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        foldIn(key, value, record.offset());
    }

    private List<TopicPartition> partitions(Consumer<byte[], byte[]> c) {
        while (running) {
            List<PartitionInfo> infos = c.partitionsFor(topic.name());
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            sleepQuietly(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getPhase() {
        // start before the web server takes requests, stop after it
        return Integer.MIN_VALUE + 1000;
    }

    private record Folded<S>(S state, long offset) {
    }

    private record Waiter(int partition, CompletableFuture<Void> done, long target) {

        Waiter(int partition, CompletableFuture<Void> done) {
            this(partition, done, Long.MAX_VALUE);
        }

        Waiter withTarget(Long end) {
            return new Waiter(partition, done, end == null ? 0 : end);
        }
    }
}
