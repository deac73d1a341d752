package no.biztek.support.kafka.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.topic.Topics;

class AcknowledgedPublisherTest {

    private final String brokers = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);

    @Test
    void returnsWhereTheBrokerWroteTheRecordWithItsHeadersAndCatalogueEncoding() {
        String key = "c-" + UUID.randomUUID();
        Customer customer = customer(key);
        RecordMetadata written;
        try (var producers = producers(brokers, Map.of())) {
            written = publisher(producers, Duration.ofSeconds(30)).publish(Topics.CUSTOMERS, key, customer,
                    List.of(new RecordHeader("actor", "alice".getBytes())));
        }

        assertThat(written.topic()).isEqualTo(Topics.CUSTOMERS.name());
        ConsumerRecord<String, byte[]> read = readBack(new TopicPartition(written.topic(), written.partition()),
                written.offset());
        assertThat(read.key()).isEqualTo(key);
        assertThat(Topics.CUSTOMERS.valueSerde().deserializer().deserialize(read.topic(), read.value()))
                .isEqualTo(customer);
        assertThat(new String(read.headers().lastHeader("actor").value())).isEqualTo("alice");
    }

    @Test
    void aBrokerThatDoesNotAnswerBecomesTheExceptionTheServiceChose() {
        Map<String, Object> impatient = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 300,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 300);
        try (var producers = producers("127.0.0.1:9", impatient)) {
            var publisher = publisher(producers, Duration.ofSeconds(5));

            assertThatThrownBy(() -> publisher.publish(Topics.CUSTOMERS, "c-1", customer("c-1")))
                    .isInstanceOf(NotWritten.class)
                    .hasCauseInstanceOf(Exception.class);
        }
    }

    @Test
    void aRecordThatCannotBeEncodedIsAProgrammingErrorNotAnOutage() {
        Serializer<Customer> broken = (topic, value) -> {
            throw new SerializationException("no");
        };
        var factory = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
        SerializersByType.serializers().value(Customer.class, broken).customizer().customize(factory);
        try (var producers = new Producers(factory)) {
            var publisher = publisher(producers, Duration.ofSeconds(30));

            assertThatThrownBy(() -> publisher.publish(Topics.CUSTOMERS, "c-2", customer("c-2")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(Topics.CUSTOMERS.name());
        }
    }

    @Test
    void aTypeGetsOneSerializer() {
        assertThatThrownBy(() -> SerializersByType.serializers()
                .value(Customer.class, Topics.CUSTOMERS)
                .value(Customer.class, Topics.CUSTOMERS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Customer.class.getName());
    }

    private static AcknowledgedPublisher publisher(Producers producers, Duration timeout) {
        return new AcknowledgedPublisher(new KafkaTemplate<>(producers.factory()), timeout, NotWritten::new);
    }

    private static Producers producers(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(extra);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        var factory = new DefaultKafkaProducerFactory<Object, Object>(config);
        SerializersByType.serializers().value(Customer.class, Topics.CUSTOMERS).customizer().customize(factory);
        return new Producers(factory);
    }

    private ConsumerRecord<String, byte[]> readBack(TopicPartition partition, long offset) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            for (int poll = 0; poll < 50; poll++) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("record at " + partition + "@" + offset + " not found");
    }

    private static Customer customer(String id) {
        return Customer.newBuilder().setCustomerId(id).setName("Kunde").setLocale(CustomerLocale.NB)
                .setNotificationContacts(List.of()).setUpdatedAt(Instant.parse("2026-12-01T08:00:00Z"))
                .setProducer("publisher-test").build();
    }

    private record Producers(DefaultKafkaProducerFactory<Object, Object> factory) implements AutoCloseable {
        @Override
        public void close() {
            factory.destroy();
        }
    }

    static final class NotWritten extends RuntimeException {
        NotWritten(Exception cause) {
            super(cause);
        }
    }
}
