package no.biztek.support.escalation.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.schemas.topic.Topic;

/** The start-up check of co-partitioning, against the module's embedded broker. */
class TopicLayoutTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static Admin admin;

    @BeforeAll
    static void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)));
    }

    @AfterAll
    static void disconnect() {
        admin.close();
    }

    private static String topic(int partitions) throws Exception {
        String name = "layout-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        return name;
    }

    private static Topic<String, PageCommand> commands() {
        return new InternalTopics("layout-" + UUID.randomUUID()).pageCommands();
    }

    @Test
    void theCheckRunsBeforeTheStreamProcessingStarts() {
        TopicLayout layout = new TopicLayout(Map.of(), commands(), true, (short) 1, TIMEOUT);

        assertThat(layout.getPhase()).isLessThan(StreamsRunner.PHASE);
    }

    @Test
    void coPartitionedTopicsPassAndTheCommandTopicIsCreatedWithTheirActualCount() throws Exception {
        List<String> events = List.of(topic(3), topic(3), topic(3));
        Topic<String, PageCommand> commands = commands();

        int partitions = TopicLayout.prepare(admin, events, commands, true, (short) 1, TIMEOUT);

        assertThat(partitions).isEqualTo(3);
        assertThat(TopicLayout.existing(admin, List.of(commands.name(), commands.deadLetterTopicName()), TIMEOUT))
                .as("not the catalogue's 6").containsEntry(commands.name(), 3)
                .containsEntry(commands.deadLetterTopicName(), 3);
        assertThat(TopicLayout.prepare(admin, events, commands, true, (short) 1, TIMEOUT)).as("again, as it is")
                .isEqualTo(3);
    }

    @Test
    void differentPartitionCountsFailStartUpNamingEveryCount() throws Exception {
        String tickets = topic(3);
        String sla = topic(2);
        String escalations = topic(3);
        Topic<String, PageCommand> commands = commands();

        assertThatThrownBy(() -> TopicLayout.prepare(admin, List.of(tickets, sla, escalations), commands, true,
                (short) 1, TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must have the same number of partitions")
                .hasMessageContaining(tickets + "=3").hasMessageContaining(sla + "=2")
                .hasMessageContaining(escalations + "=3");
        assertThat(TopicLayout.partitionCounts(admin, List.of(commands.name()), TIMEOUT)).as("nothing created")
                .isEmpty();
    }

    @Test
    void anExistingCommandTopicWithAnotherCountFailsStartUp() throws Exception {
        List<String> events = List.of(topic(2), topic(2), topic(2));
        Topic<String, PageCommand> commands = commands();
        admin.createTopics(List.of(new NewTopic(commands.name(), 1, (short) 1))).all().get();

        assertThatThrownBy(() -> TopicLayout.prepare(admin, events, commands, true, (short) 1, TIMEOUT))
                .hasMessageContaining(commands.name() + "=1").hasMessageContaining(events.get(0) + "=2");
    }

    @Test
    void missingTopicsFailStartUpUnlessThePlatformMayCreateThem() throws Exception {
        List<String> events = List.of(topic(2), topic(2), "layout-missing-" + UUID.randomUUID());
        assertThatThrownBy(() -> TopicLayout.prepare(admin, events, commands(), true, (short) 1, Duration.ofSeconds(1)))
                .hasMessageContaining(events.get(2)).hasMessageContaining("do not exist");

        List<String> present = List.of(topic(2), topic(2), topic(2));
        Topic<String, PageCommand> commands = commands();
        assertThatThrownBy(() -> TopicLayout.prepare(admin, present, commands, false, (short) 1, TIMEOUT))
                .hasMessageContaining(commands.name() + " does not exist").hasMessageContaining("2 partitions");
    }
}
