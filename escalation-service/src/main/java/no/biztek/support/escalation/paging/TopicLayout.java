package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.kafka.startup.StartupStep;
import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.schemas.topic.Topic;
import no.biztek.support.schemas.topic.Topics;

/**
 * Checks at start-up, before the stream processing starts, what the topology assumes of its topics: the
 * topics it merges and processes by ticket id (ticket, SLA and escalation events, the page commands) must
 * have the same partition count, or a ticket's events would meet in different tasks and pages would be
 * opened and closed in different state. It reads the actual partition counts from the cluster (AdminClient)
 * and fails start-up with a message naming every count when they differ. The internal page-command topic
 * (and its DLT) is created here, with the actual partition count of {@code support.escalation-events.v1}
 * (not a configured guess); an existing one with another count fails start-up too.
 */
public final class TopicLayout extends StartupStep {

    /**
     * After the topic followers, long before the web server, the stream processing ({@link StreamsRunner#PHASE}) and
     * the listeners: a failed check fails start-up before any of them starts.
     */
    static final int PHASE = Integer.MIN_VALUE + 1500;
    private static final Logger log = LoggerFactory.getLogger(TopicLayout.class);

    private final Map<String, Object> adminConfig;
    private final Topic<String, PageCommand> commands;
    private final boolean createTopics;
    private final short replicationFactor;
    private final Duration timeout;
    private volatile int partitions = -1;

    /**
     * @param adminConfig       AdminClient configuration (the service's Kafka settings)
     * @param createTopics      create the command topic when it is missing (else its absence fails start-up)
     * @param replicationFactor replicas of a created command topic
     * @param timeout           how long each admin request may take before start-up fails
     */
    public TopicLayout(Map<String, Object> adminConfig, Topic<String, PageCommand> commands, boolean createTopics,
                       short replicationFactor, Duration timeout) {
        super(PHASE);
        this.adminConfig = Map.copyOf(adminConfig);
        this.commands = commands;
        this.createTopics = createTopics;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /**
     * The input topics processed together by ticket id (merged): they must have the same partition count
     * (co-partitioned), which this checks at start-up.
     */
    static List<String> mergedTopics(Topic<String, PageCommand> commandTopic) {
        return List.of(Topics.TICKET_EVENTS.name(), Topics.SLA_EVENTS.name(), Topics.ESCALATION_EVENTS.name(),
                commandTopic.name());
    }

    /** The partition count of the co-partitioned topics; known once started. */
    public int partitions() {
        if (partitions < 1) {
            throw new IllegalStateException("the topic layout has not been checked yet");
        }
        return partitions;
    }

    @Override
    protected void run() {
        try (Admin admin = Admin.create(adminConfig)) {
            partitions = prepare(admin, List.of(Topics.TICKET_EVENTS.name(), Topics.SLA_EVENTS.name(),
                    Topics.ESCALATION_EVENTS.name()), commands, createTopics, replicationFactor, timeout);
        }
        log.info("Topics {} are co-partitioned with {} partitions each", mergedTopics(commands), partitions);
    }

    /**
     * Reads the partition counts of the merged event topics, fails when they differ, and creates the command
     * topic (and its DLT) with their count when missing. Returns the common count.
     */
    static int prepare(Admin admin, List<String> events, Topic<String, PageCommand> commands, boolean createTopics,
                       short replicationFactor, Duration timeout) {
        Map<String, Integer> counts = existing(admin, events, timeout);
        List<String> missing = events.stream().filter(t -> !counts.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Topics " + missing + " do not exist: the escalation topology reads them. "
                    + "Create them as the catalogue (Topics) describes, or let the platform create them "
                    + "(support.kafka.create-topics=true).");
        }
        int count = requireCoPartitioned(counts);
        Integer existing = partitionCounts(admin, List.of(commands.name()), timeout).get(commands.name());
        if (existing == null) {
            if (!createTopics) {
                throw new IllegalStateException("Topic " + commands.name() + " does not exist: create it with "
                        + count + " partitions (as many as " + events + "), or set support.kafka.create-topics=true.");
            }
            existing = create(admin, commands.name(), count, replicationFactor, timeout);
        }
        Map<String, Integer> all = new LinkedHashMap<>(counts);
        all.put(commands.name(), existing);
        requireCoPartitioned(all);
        if (createTopics && partitionCounts(admin, List.of(commands.deadLetterTopicName()), timeout).isEmpty()) {
            create(admin, commands.deadLetterTopicName(), count, replicationFactor, timeout);
        }
        return count;
    }

    /**
     * The partition counts of the topics, waiting up to the timeout for missing ones: a topic created a moment
     * ago (by the platform, on this start-up) may not be known to every broker yet.
     */
    static Map<String, Integer> existing(Admin admin, List<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, Integer> counts = partitionCounts(admin, topics, timeout);
            if (counts.size() == topics.size() || System.nanoTime() > deadline) {
                return counts;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return counts;
            }
        }
    }

    /** The partition count of each topic that exists (missing topics are left out). */
    static Map<String, Integer> partitionCounts(Admin admin, Collection<String> topics, Duration timeout) {
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(topics).topicNameValues();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String topic : topics) {
            try {
                counts.put(topic, futures.get(topic).get(timeout.toMillis(), TimeUnit.MILLISECONDS).partitions().size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw unreadable(topics, e.getCause());
                }
            } catch (TimeoutException e) {
                throw unreadable(topics, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreadable(topics, e);
            }
        }
        return counts;
    }

    /** The common partition count; fails naming every count when they differ. */
    static int requireCoPartitioned(Map<String, Integer> counts) {
        if (counts.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("The escalation topology processes " + counts.keySet()
                    + " together by ticket id, so they must have the same number of partitions, but they have "
                    + counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))
                    + ". Give them one partition count (add partitions to the smaller ones, or recreate them) "
                    + "before starting escalation-service.");
        }
        return counts.values().iterator().next();
    }

    private static int create(Admin admin, String topic, int partitions, short replicationFactor, Duration timeout) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions", topic, partitions);
            return partitions;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                // another instance created it a moment ago: use what it created
                Integer created = existing(admin, List.of(topic), timeout).get(topic);
                if (created != null) {
                    return created;
                }
            }
            throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot create topic " + topic + " within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }

    private static IllegalStateException unreadable(Collection<String> topics, Throwable cause) {
        return new IllegalStateException("Cannot read the partition counts of " + topics + " from Kafka: " + cause
                + ". Is Kafka reachable (spring.kafka.bootstrap-servers)?", cause);
    }

}
