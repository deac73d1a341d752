package no.biztek.support.sla.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.sla.TicketEvents;
import no.biztek.support.sla.clock.ClockMetrics;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.sla.clock.InputBacklog;
import no.biztek.support.sla.clock.TopologySettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;

/**
 * Load driver for the SLA topology against a running broker (see {@link SlaBenchBroker}); not a test.
 * Runs the real topology ({@link SlaTopology}) in a plain {@link KafkaStreams} with exactly-once, the
 * service's settings, and a clock shifted so that "now" is Monday 2 March 2026 09:00 in Oslo (inside
 * opening hours) while it ticks in real time. Modes:
 * <ul>
 * <li>{@code throughput events=300000}: pre-loads ticket events (per ticket: opened, first response,
 * resolved), then measures how fast the topology works through them;</li>
 * <li>{@code scale clocks=1000000}: loads that many open clocks, then restarts over the same state
 * directory and over a wiped one (restore from the changelogs), timing each start and reporting heap;</li>
 * <li>{@code timeliness rate=1000 seconds=60}: {@code rate} deadlines fall due per second for
 * {@code seconds}, with background ticket traffic; reports breach lag (processor and end to end).</li>
 * </ul>
 * Options: {@code brokers=localhost:19092 threads=2 dir=/tmp/sla-bench}. See docs/benchmarks-sla-timer.md.
 */
public final class SlaLoadDriver {

    /** Virtual "now" at the start of a run: Monday 2 March 2026 09:00 Europe/Oslo. */
    private static final Instant VIRTUAL_START = Instant.parse("2026-03-02T08:00:00Z");

    private final Map<String, String> options;
    private final String brokers;
    private final PolicyHistory policies = PolicyFile.defaultPolicy();
    private final Path baseDir;

    private SlaLoadDriver(Map<String, String> options) {
        this.options = options;
        this.brokers = options.getOrDefault("brokers", "localhost:19092");
        this.baseDir = Path.of(options.getOrDefault("dir", "/tmp/sla-bench"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: SlaLoadDriver throughput|scale|timeliness [key=value ...]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        SlaLoadDriver driver = new SlaLoadDriver(options);
        System.out.printf("JVM %s, max heap %d MiB, %d CPUs%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        switch (args[0]) {
            case "throughput" -> driver.throughput();
            case "scale" -> driver.scale();
            case "timeliness" -> driver.timeliness();
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
    }

    // ---------------------------------------------------------------------------------------------- modes

    private void throughput() throws Exception {
        int events = intOption("events", 300_000);
        int tickets = events / 3;
        ensureTopics();
        String run = "sla-bench-throughput-" + UUID.randomUUID().toString().substring(0, 8);
        long offsetsBefore = endOffsets();
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, TicketEvent> producer = producer()) {
            for (int i = 0; i < tickets; i++) {
                String ticketId = run + "-" + i;
                Instant opened = VIRTUAL_START.minus(Duration.ofHours(1));
                send(producer, TicketEvents.opened(ticketId, no.biztek.support.schemas.common.Severity.LESS_SERIOUS,
                        opened));
                send(producer, TicketEvents.responded(ticketId, opened.plus(Duration.ofMinutes(30))));
                send(producer, TicketEvents.resolved(ticketId, opened.plus(Duration.ofMinutes(50))));
            }
            producer.flush();
        }
        System.out.printf("produced %,d ticket events in %.1f s%n", tickets * 3,
                (System.nanoTime() - produceStart) / 1e9);
        long total = endOffsets();
        System.out.printf("topic holds %,d events (%,d before this run)%n", total, offsetsBefore);

        BenchMetrics metrics = new BenchMetrics();
        Path stateDir = baseDir.resolve(run);
        KafkaStreams streams = start(run, stateDir, metrics);
        long start = System.nanoTime();
        awaitRunning(streams, Duration.ofMinutes(2));
        long running = System.nanoTime();
        List<double[]> progress = awaitCaughtUp(run, total, Duration.ofMinutes(10));
        long end = System.nanoTime();
        double seconds = (end - running) / 1e9;
        System.out.printf("started in %.1f s; processed %,d events in %.1f s: %,.0f events/s%n",
                (running - start) / 1e9, total, seconds, total / seconds);
        printSustained(progress);
        System.out.printf("SlaMet emitted for this run's tickets: %,d of %,d%n", metrics.met.get(), tickets);
        printHeap();
        streams.close(Duration.ofSeconds(60));
    }

    private void scale() throws Exception {
        int clocks = intOption("clocks", 1_000_000);
        ensureTopics();
        String run = "sla-bench-scale-" + UUID.randomUUID().toString().substring(0, 8);
        long before = endOffsets();
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, TicketEvent> producer = producer()) {
            for (int i = 0; i < clocks; i++) {
                send(producer, TicketEvents.opened(run + "-" + i, no.biztek.support.schemas.common.Severity.LESS_SERIOUS,
                        VIRTUAL_START.minus(Duration.ofMinutes(30))));
            }
            producer.flush();
        }
        long total = endOffsets();
        System.out.printf("produced %,d TicketOpened in %.1f s (topic holds %,d, %,d before)%n", clocks,
                (System.nanoTime() - produceStart) / 1e9, total, before);

        Path stateDir = baseDir.resolve(run);
        BenchMetrics metrics = new BenchMetrics();
        KafkaStreams streams = start(run, stateDir, metrics);
        awaitRunning(streams, Duration.ofMinutes(2));
        long running = System.nanoTime();
        awaitCaughtUp(run, total, Duration.ofMinutes(20));
        double seconds = (System.nanoTime() - running) / 1e9;
        System.out.printf("loaded: %,d events in %.1f s (%,.0f events/s); open clocks on this instance: %,d%n",
                total, seconds, total / seconds, metrics.openClocks());
        System.out.printf("state directory: %,d MiB%n", size(stateDir) >> 20);
        printHeap();
        timedClose(streams);

        metrics = new BenchMetrics();
        long restart = System.nanoTime();
        streams = start(run, stateDir, metrics);
        awaitRunning(streams, Duration.ofMinutes(5));
        System.out.printf("restart over the same state directory: RUNNING after %.1f s; open clocks %,d%n",
                (System.nanoTime() - restart) / 1e9, metrics.openClocks());
        timedClose(streams);

        deleteRecursively(stateDir);
        metrics = new BenchMetrics();
        long restore = System.nanoTime();
        streams = start(run, stateDir, metrics);
        awaitRunning(streams, Duration.ofMinutes(10));
        System.out.printf("restart over a wiped state directory (restore from changelogs): RUNNING after %.1f s;"
                + " open clocks %,d%n", (System.nanoTime() - restore) / 1e9, metrics.openClocks());
        System.out.printf("state directory after restore: %,d MiB%n", size(stateDir) >> 20);
        printHeap();
        timedClose(streams);
    }

    private void timeliness() throws Exception {
        int rate = intOption("rate", 1000);
        int seconds = intOption("seconds", 60);
        int leadSeconds = intOption("lead", 90);
        int backgroundRate = intOption("background", 2000);
        int deadlines = rate * seconds;
        ensureTopics();
        String run = "sla-bench-timeliness-" + UUID.randomUUID().toString().substring(0, 8);
        Instant firstDue = VIRTUAL_START.plusSeconds(leadSeconds);
        Map<String, Instant> dueAt = new HashMap<>();
        try (KafkaProducer<String, TicketEvent> producer = producer()) {
            for (int i = 0; i < deadlines; i++) {
                String ticketId = run + "-" + i;
                Instant due = firstDue.plusNanos(i * 1_000_000_000L / rate);
                dueAt.put(ticketId, due);
                // critical: 1 business hour; opened an hour before its deadline, inside opening hours
                send(producer, TicketEvents.opened(ticketId, no.biztek.support.schemas.common.Severity.CRITICAL,
                        due.minus(Duration.ofHours(1))));
            }
            producer.flush();
        }
        long total = endOffsets();
        System.out.printf("produced %,d critical tickets due %,d per second from virtual %s%n", deadlines, rate, firstDue);

        BenchMetrics metrics = new BenchMetrics();
        Path stateDir = baseDir.resolve(run);
        Duration shift = Duration.between(Instant.now(), VIRTUAL_START);
        Clock clock = Clock.offset(Clock.systemUTC(), shift);
        KafkaStreams streams = start(run, stateDir, metrics, clock);
        awaitRunning(streams, Duration.ofMinutes(2));
        awaitCaughtUp(run, total, Duration.ofSeconds(leadSeconds));
        Instant caughtUp = clock.instant();
        System.out.printf("ingest done at virtual %s (first deadline %s)%n", caughtUp, firstDue);
        if (caughtUp.isAfter(firstDue)) {
            System.out.println("WARNING: ingest did not finish before the first deadline; lags include ingest");
        }

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong background = new AtomicLong();
        Thread noise = new Thread(() -> backgroundTraffic(run, backgroundRate, stop, background, clock));
        noise.start();

        List<Long> endToEnd = new ArrayList<>();
        Set<String> breached = new HashSet<>();
        long duplicates = 0;
        Set<String> eventIds = new HashSet<>();
        try (KafkaConsumer<String, SlaEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(),
                Topics.SLA_EVENTS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SLA_EVENTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Instant deadline = firstDue.plusSeconds(seconds + 60L);
            while (breached.size() < deadlines && clock.instant().isBefore(deadline)) {
                for (ConsumerRecord<String, SlaEvent> record : consumer.poll(Duration.ofMillis(100))) {
                    Instant received = clock.instant();
                    if (!(record.value().getPayload() instanceof SlaBreached) || !dueAt.containsKey(record.key())) {
                        continue;
                    }
                    if (!eventIds.add(record.value().getEventId())) {
                        duplicates++;
                        continue;
                    }
                    breached.add(record.key());
                    endToEnd.add(Duration.between(dueAt.get(record.key()), received).toMillis());
                }
            }
        }
        stop.set(true);
        noise.join();
        System.out.printf("breaches received: %,d of %,d (duplicates %d); background events produced: %,d%n",
                breached.size(), deadlines, duplicates, background.get());
        List<Long> processor = new ArrayList<>(metrics.timerLagsMillis);
        System.out.println("breach lag at the processor (emitted minus dueAt, ms): " + percentiles(processor));
        System.out.println("breach lag end to end (read_committed consumer receives minus dueAt, ms): "
                + percentiles(endToEnd));
        printHeap();
        streams.close(Duration.ofSeconds(60));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void backgroundTraffic(String run, int perSecond, AtomicBoolean stop, AtomicLong count, Clock clock) {
        try (KafkaProducer<String, TicketEvent> producer = producer()) {
            long started = System.nanoTime();
            while (!stop.get()) {
                long due = (System.nanoTime() - started) * perSecond / 1_000_000_000L;
                while (count.get() < due && !stop.get()) {
                    long n = count.incrementAndGet();
                    send(producer, TicketEvents.opened(run + "-bg-" + n,
                            no.biztek.support.schemas.common.Severity.LESS_SERIOUS, clock.instant()));
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

    private KafkaStreams start(String applicationId, Path stateDir, BenchMetrics metrics) {
        Duration shift = Duration.between(Instant.now(), VIRTUAL_START);
        return start(applicationId, stateDir, metrics, Clock.offset(Clock.systemUTC(), shift));
    }

    private KafkaStreams start(String applicationId, Path stateDir, BenchMetrics metrics, Clock clock) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, intOption("threads", 2));
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        if (options.containsKey("commit")) {
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, intOption("commit", 100));
        }
        props.put("main.consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put("main.consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        TopologySettings settings = new TopologySettings("sla-timer-service", Duration.ofMillis(250), 10_000,
                Duration.ofDays(30), Duration.ofSeconds(30));
        // a fresh application id: no backlog, every ticket event is sent after the streams started
        KafkaStreams streams = new KafkaStreams(SlaTopology.build(policies, clock::instant, settings, metrics,
                InputBacklog.Lookup.NONE, new DeadLetterMetrics(new SimpleMeterRegistry())), props);
        streams.start();
        return streams;
    }

    private static void awaitRunning(KafkaStreams streams, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("streams not RUNNING after " + timeout + ": " + streams.state());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the group has committed every input offset; returns (seconds, committed) samples. */
    private List<double[]> awaitCaughtUp(String applicationId, long total, Duration timeout) throws Exception {
        List<double[]> samples = new ArrayList<>();
        long start = System.nanoTime();
        try (Admin admin = admin()) {
            while (true) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                long sum = committed.entrySet().stream()
                        .filter(e -> e.getKey().topic().equals(Topics.TICKET_EVENTS.name()) && e.getValue() != null)
                        .mapToLong(e -> e.getValue().offset()).sum();
                double seconds = (System.nanoTime() - start) / 1e9;
                samples.add(new double[] {seconds, sum});
                if (sum >= total) {
                    return samples;
                }
                if (seconds > timeout.toSeconds()) {
                    throw new IllegalStateException("not caught up after " + timeout + ": " + sum + " of " + total);
                }
                Thread.sleep(200);
            }
        }
    }

    private static void printSustained(List<double[]> samples) {
        if (samples.size() < 10) {
            return;
        }
        double[] from = samples.get(samples.size() / 10);
        double[] to = samples.get(samples.size() * 9 / 10);
        System.out.printf("sustained rate between 10 %% and 90 %% of the run: %,.0f events/s%n",
                (to[1] - from[1]) / (to[0] - from[0]));
    }

    private long endOffsets() throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(Topics.TICKET_EVENTS.name())).allTopicNames().get()
                    .get(Topics.TICKET_EVENTS.name()).partitions()
                    .forEach(p -> request.put(new TopicPartition(Topics.TICKET_EVENTS.name(), p.partition()),
                            OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(request).all().get();
            return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    private void ensureTopics() throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : List.of(Topics.TICKET_EVENTS, Topics.SLA_EVENTS)) {
                for (String name : List.of(topic.name(), topic.deadLetterTopicName())) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, topic.defaultPartitions(), (short) 1));
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
    }

    private KafkaProducer<String, TicketEvent> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                Topics.TICKET_EVENTS.keySerde().serializer(), Topics.TICKET_EVENTS.valueSerde().serializer());
    }

    private static void send(KafkaProducer<String, TicketEvent> producer, TicketEvent event) {
        producer.send(new ProducerRecord<>(Topics.TICKET_EVENTS.name(), event.getTicketId(), event));
    }

    private static void timedClose(KafkaStreams streams) {
        long start = System.nanoTime();
        streams.close(Duration.ofSeconds(120));
        System.out.printf("closed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String percentiles(List<Long> values) {
        if (values.isEmpty()) {
            return "no samples";
        }
        List<Long> sorted = values.stream().sorted().toList();
        return String.format("n=%,d p50=%d p90=%d p99=%d p99.9=%d max=%d", sorted.size(), at(sorted, 0.50),
                at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999), sorted.get(sorted.size() - 1));
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static void printHeap() {
        System.gc();
        long used = 0;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("heap: %d MiB used after GC, %d MiB peak (sum of pool peaks), max %d MiB; process RSS %s%n",
                used >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, rss());
    }

    private static String rss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS")).map(l -> l.replaceAll("\\s+", " ").substring(7))
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static long size(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Counts what the topology reports. */
    static final class BenchMetrics implements ClockMetrics {
        final AtomicLong met = new AtomicLong();
        final java.util.Queue<Long> timerLagsMillis = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final Map<String, Long> open = new ConcurrentHashMap<>();

        @Override
        public void met(Severity severity) {
            met.incrementAndGet();
        }

        @Override
        public void breached(Severity severity, Duration lag, boolean byTimer) {
            if (byTimer) {
                timerLagsMillis.add(lag.toMillis());
            }
        }

        @Override
        public void openClocks(String taskId, long count) {
            open.put(taskId, count);
        }

        @Override
        public void taskClosed(String taskId) {
            open.remove(taskId);
        }

        long openClocks() {
            return open.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
