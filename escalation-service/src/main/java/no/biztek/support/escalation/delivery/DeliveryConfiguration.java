package no.biztek.support.escalation.delivery;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.backoff.ExponentialBackOff;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.ApiProperties;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.publish.EventPublisher;
import no.biztek.support.escalation.streams.StreamsProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.topic.Topic;

@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    /**
     * The delivery consumer: a group of its own ({@code <application-id>-delivery}), committed records only,
     * from the earliest offset for a new group (stale pages are skipped, not delivered). A failure to write
     * a dead letter or command (Kafka down) is retried with backoff for as long as it takes.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> deliveryContainerFactory(KafkaProperties kafka,
            StreamsProperties streams) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, streams.applicationId() + "-delivery");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

    @Bean
    DeskWarningListener deskWarningListener(DeliveryProperties properties, PagingProperties paging,
                                            MeterRegistry registry) {
        return new DeskWarningListener(properties, paging.schedule().zone(), registry);
    }

    @Bean
    PageDeliveryListener pageDeliveryListener(DeliveryProperties properties, ObjectProvider<JavaMailSender> mailSender,
                                              PageBoard board, TopicFollower<EscalationEvent> escalationFollower,
                                              EventPublisher publisher, Topic<String, PageCommand> pageCommandTopic,
                                              AckTokens tokens, PagingProperties paging, ApiProperties api,
                                              Clock clock, MeterRegistry registry,
                                              @Value("${spring.application.name}") String service) {
        var zone = paging.schedule().zone();
        JavaMailSender sender = properties.mail().enabled() ? mailSender.getIfAvailable() : null;
        if (properties.mail().enabled() && sender == null) {
            throw new IllegalStateException("support.escalation.delivery.mail.enabled is true but no SMTP server is "
                    + "configured: set spring.mail.host");
        }
        MailChannel mail = sender == null ? null : new MailChannel(sender, properties.mail().from(), zone);
        PageDelivery delivery = new PageDelivery(new WebhookChannel(properties.webhook(), zone), mail,
                properties.retry(), registry);
        return new PageDeliveryListener(delivery, board, escalationFollower, publisher, pageCommandTopic, tokens,
                paging, api, clock, registry, service);
    }
}
