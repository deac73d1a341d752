package no.biztek.support.benchmarks.intake;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.topic.Topics;

/**
 * Load driver (a benchmark, not a test): N concurrent clients post new tickets to a running intake for
 * a while and report accepted tickets per second and latency percentiles; then, on the same broker, the
 * same number of concurrent senders publish the same kind of record with a raw Kafka producer
 * configured like intake's (acks=all, idempotent) to a scratch topic, for comparison. See docs/benchmarks.md.
 *
 * <p>Arguments: intake URL, token, bootstrap servers, clients, warm-up seconds, measured seconds.
 */
public final class IntakeLoadDriver {

    private static final int RAW_WARM_UP_SECONDS = 15;

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String token = args.length > 1 ? args[1] : "local-dev-token";
        String bootstrap = args.length > 2 ? args[2] : "127.0.0.1:9092";
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 240;
        int measured = args.length > 5 ? Integer.parseInt(args[5]) : 30;

        URI base = URI.create(url);
        Result api = run("intake HTTP", clients, warmUp, measured, () -> {
            KeepAliveHttpConnection connection = new KeepAliveHttpConnection(base);
            return () -> connection.post("/api/v1/tickets", "Bearer " + token, body()) == 202;
        });

        // the raw producer writes the same records to a scratch topic, so intake's ticket directory stays as it was
        String scratch = "bench.raw-ticket-events";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            if (!admin.listTopics().names().get().contains(scratch)) {
                admin.createTopics(List.of(new NewTopic(scratch, Topics.TICKET_EVENTS.defaultPartitions(), (short) 1)))
                        .all().get();
            }
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2);
        Result raw;
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                Topics.TICKET_EVENTS.valueSerde().serializer())) {
            // a producer needs seconds, not minutes, to warm up
            raw = run("raw producer", clients, Math.min(warmUp, RAW_WARM_UP_SECONDS), measured, () -> () -> {
                TicketEvent event = event();
                producer.send(new ProducerRecord<>(scratch, event.getTicketId(), event)).get();
                return true;
            });
        }
        System.out.printf("%nratio intake/raw throughput: %.2f%n", api.perSecond() / raw.perSecond());
    }

    interface Call {
        boolean call() throws Exception;
    }

    record Result(double perSecond, long failures) {
    }

    /** Runs the clients, each with the call {@code perClient} gives it (its own connection, say). */
    static Result run(String name, int clients, int warmUpSeconds, int measuredSeconds, Supplier<Call> perClient)
            throws InterruptedException {
        long warmUpEnds = System.nanoTime() + Duration.ofSeconds(warmUpSeconds).toNanos();
        long ends = warmUpEnds + Duration.ofSeconds(measuredSeconds).toNanos();
        AtomicLong failures = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int client = c;
            Call call = perClient.get();
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < ends) {
                        long start = System.nanoTime();
                        boolean ok;
                        try {
                            ok = call.call();
                        } catch (Exception e) {
                            ok = false;
                        }
                        long took = System.nanoTime() - start;
                        if (start >= warmUpEnds) {
                            if (ok && counts[client] < mine.length) {
                                mine[counts[client]++] = took;
                            } else if (!ok) {
                                failures.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        double perSecond = total / (double) measuredSeconds;
        System.out.printf("%-12s %d clients, %d s: %,.0f accepted/s, %d failures, latency ms p50 %.1f p90 %.1f"
                        + " p99 %.1f p99.9 %.1f max %.1f%n", name, clients, measuredSeconds, perSecond, failures.get(),
                ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), ms(all, 0.999), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        return new Result(perSecond, failures.get());
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static String body() {
        return """
                {"source": "loadtest", "externalId": "%s", "customerId": "kunde-as", "severity": 3,
                 "title": "Load test", "description": "Generated by IntakeLoadDriver",
                 "requester": {"name": "Load", "email": "load@kunde.no"}, "channel": "API"}"""
                .formatted(UUID.randomUUID());
    }

    private static TicketEvent event() {
        String ticketId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        return TicketEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTicketId(ticketId)
                .setCustomerId("kunde-as").setOccurredAt(now).setProducer("load-driver")
                .setPayload(TicketOpened.newBuilder().setSource("loadtest").setExternalId(ticketId)
                        .setSeverity(Severity.LESS_SERIOUS).setTitle("Load test")
                        .setDescription("Generated by IntakeLoadDriver").setRequester(new Person("Load", "load@kunde.no"))
                        .setChannel(Channel.API).setOpenedAt(now).build())
                .build();
    }
}
