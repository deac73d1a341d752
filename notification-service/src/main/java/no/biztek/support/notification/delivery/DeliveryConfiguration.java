package no.biztek.support.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.KafkaPlatformProperties;
import no.biztek.support.kafka.listener.CommittedRecordContainers;
import no.biztek.support.kafka.listener.RetryTopicDeadLetters;
import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.notification.config.NotificationProperties;
import no.biztek.support.schemas.topic.Topic;

/**
 * The sender: a listener on the commands topic with a few blocking retries in place (short hiccups keep the
 * order of a ticket's mails), then non-blocking retries (exponential back-off over the retry topics
 * {@code <commands>.retry-N}) and the dead-letter topic {@code <commands>.DLT}, whose records carry the
 * platform's dead-letter headers and are counted in {@code support_dead_letters_total} when written, as every
 * listener's dead letters ({@link RetryTopicDeadLetters}). Retry topics, not the blocking retries of the other
 * listeners: a mail server that refuses one customer's mail for a while must not hold up the others' mail.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration extends RetryTopicConfigurationSupport {

    static final String CONTAINER_FACTORY = "notificationCommandContainerFactory";
    static final String DEAD_LETTER_HANDLER = "deliveryDeadLetters";

    @Value("${spring.application.name}")
    private String service;

    private final NotificationProperties properties;
    private final DeadLetterMetrics deadLetterMetrics;

    DeliveryConfiguration(NotificationProperties properties, DeadLetterMetrics deadLetterMetrics) {
        this.properties = properties;
        this.deadLetterMetrics = deadLetterMetrics;
    }

    /** Each delivery (first attempt, and each retry topic's) is tried a few times in place before it moves on. */
    @Override
    protected void configureBlockingRetries(BlockingRetriesConfigurer blockingRetries) {
        NotificationProperties.Retry retry = properties.retry();
        if (retry.blockingAttempts() > 1) {
            blockingRetries.retryOn(TransientDeliveryException.class)
                    .backOff(new FixedBackOff(retry.blockingInterval().toMillis(), retry.blockingAttempts() - 1L));
        }
    }

    @Bean
    DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
        return new DeliveryMetrics(registry);
    }

    @Bean
    KafkaTemplate<String, byte[]> notificationKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> notificationCommandContainerFactory(KafkaProperties kafka,
            InternalTopics topics, NotificationProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                CommittedRecordContainers.forGroup(kafka, topics.senderGroup(), Map.of());
        factory.setConcurrency(properties.senderConcurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    @Bean
    RetryTopicConfiguration notificationRetryTopics(KafkaTemplate<String, byte[]> notificationKafkaTemplate,
            ConcurrentKafkaListenerContainerFactory<String, byte[]> notificationCommandContainerFactory,
            InternalTopics topics, NotificationProperties properties, KafkaPlatformProperties platform) {
        NotificationProperties.Retry retry = properties.retry();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(topics.commands().name())
                .listenerFactory(notificationCommandContainerFactory)
                .exponentialBackoff(retry.initialInterval().toMillis(), retry.multiplier(),
                        retry.maxInterval().toMillis())
                .maxAttempts(retry.maxAttempts())
                .useSingleTopicForSameIntervals()
                .suffixTopicsWithIndexValues()
                .retryTopicSuffix(InternalTopics.RETRY_SUFFIX)
                .dltSuffix(Topic.DEAD_LETTER_SUFFIX)
                .notRetryOn(List.of(PermanentDeliveryException.class))
                .traversingCauses()
                .autoCreateTopicsWith(topics.partitions(), platform.replicationFactor())
                .dltHandlerMethod(DEAD_LETTER_HANDLER, "handle")
                .create(notificationKafkaTemplate);
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        String producer = service;
        return factory -> {
            factory.setDeadLetterPublisherCreator(RetryTopicDeadLetters.countedIn(deadLetterMetrics));
            factory.setHeadersFunction((record, exception) -> deadLetterHeaders(record, exception, producer));
        };
    }

    /** The platform's dead-letter headers, and the addresses a permanently failed notification did not reach. */
    private static Headers deadLetterHeaders(ConsumerRecord<?, ?> record, Exception exception, String producer) {
        Headers headers = new RecordHeaders();
        RetryTopicDeadLetters.explanation(record, exception, producer).forEach(headers::add);
        Throwable cause = exception;
        while (cause != null && !(cause instanceof PermanentDeliveryException)
                && !(cause instanceof TransientDeliveryException)) {
            cause = cause.getCause();
        }
        boolean permanent = cause instanceof PermanentDeliveryException;
        headers.add(DeliveryDeadLetters.PERMANENT, Boolean.toString(permanent).getBytes(StandardCharsets.UTF_8));
        Throwable reason = cause != null ? cause : rootCause(exception);
        headers.add(DeliveryDeadLetters.REASON, String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        if (cause instanceof PermanentDeliveryException failed && !failed.failedRecipients().isEmpty()) {
            headers.add(DeliveryDeadLetters.FAILED_RECIPIENTS,
                    DeliveryDeadLetters.encodeAddresses(failed.failedRecipients()));
        }
        return headers;
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @Bean
    TaskScheduler notificationRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("notification-retry-");
        scheduler.setPoolSize(1);
        return scheduler;
    }

    @Bean
    SentView sentView(StreamsRunner streams) {
        return new SentView(streams);
    }

    @Bean
    SmtpDelivery smtpDelivery(JavaMailSenderImpl mailSender, NotificationProperties properties, Clock clock) {
        return new SmtpDelivery(mailSender, properties.mail(), clock);
    }

    @Bean
    DeliveryOutcomes deliveryOutcomes(KafkaTemplate<String, byte[]> notificationKafkaTemplate, InternalTopics topics,
                                      Clock clock) {
        return new DeliveryOutcomes(notificationKafkaTemplate, topics, clock, service);
    }

    @Bean
    CommandSender commandSender(SentView sentView, SmtpDelivery smtpDelivery, DeliveryOutcomes deliveryOutcomes,
                                DeliveryMetrics deliveryMetrics, Clock clock) {
        return new CommandSender(sentView, smtpDelivery, deliveryOutcomes, deliveryMetrics, clock);
    }

    @Bean(DEAD_LETTER_HANDLER)
    DeliveryDeadLetters deliveryDeadLetters(DeliveryOutcomes deliveryOutcomes, DeliveryMetrics deliveryMetrics) {
        return new DeliveryDeadLetters(deliveryOutcomes, deliveryMetrics);
    }
}
