package no.biztek.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import no.biztek.support.schemas.topic.Topics;

class PlatformTopicsTest {

    private final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, PlatformTopicsConfiguration.class))
            .withPropertyValues("spring.kafka.bootstrap-servers=" + brokers);

    @Test
    void everyCatalogueTopicAndItsDeadLetterTopicIsCreated() {
        runner.run(context -> {
            context.getBean(KafkaAdmin.class).initialize();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
                Set<String> names = admin.listTopics().names().get();
                Topics.all().forEach(topic -> assertThat(names).contains(topic.name(), topic.deadLetterTopicName()));

                Map<String, TopicDescription> described = admin.describeTopics(Set.of(Topics.TICKET_EVENTS.name()))
                        .allTopicNames().get();
                assertThat(described.get(Topics.TICKET_EVENTS.name()).partitions())
                        .hasSize(Topics.TICKET_EVENTS.defaultPartitions());

                ConfigResource customers = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CUSTOMERS.name());
                assertThat(admin.describeConfigs(Set.of(customers)).all().get().get(customers)
                        .get("cleanup.policy").value()).isEqualTo("compact");
                ConfigResource billing = new ConfigResource(ConfigResource.Type.TOPIC, Topics.BILLING.name());
                assertThat(admin.describeConfigs(Set.of(billing)).all().get().get(billing)
                        .get("retention.ms").value()).as("billing is the invoice basis: kept forever").isEqualTo("-1");
            }
        });
    }

    @Test
    void topicCreationCanBeLeftToOperators() {
        runner.withPropertyValues("support.kafka.create-topics=false")
                .run(context -> assertThat(context).doesNotHaveBean(KafkaAdmin.NewTopics.class));
    }
}
