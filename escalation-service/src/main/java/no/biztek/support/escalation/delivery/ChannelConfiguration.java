package no.biztek.support.escalation.delivery;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.paging.PagingProperties;

/**
 * The channels that reach a paged person, and how a page goes out on them: every {@link Channel} bean is one
 * (a new channel is one more bean; the order is the order of the channels in dead-letter reasons), all tried at the
 * same time, each with the one retry policy.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    @Order(1)
    WebhookChannel webhookChannel(DeliveryProperties properties, PagingProperties paging) {
        return new WebhookChannel(properties.webhook(), paging.schedule().zone());
    }

    @Bean
    @Order(2)
    @Conditional(MailEnabled.class)
    MailChannel mailChannel(DeliveryProperties properties, ObjectProvider<JavaMailSender> mailSender,
                            PagingProperties paging) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("support.escalation.delivery.mail.enabled is true but no SMTP server is "
                    + "configured: set spring.mail.host");
        }
        return new MailChannel(sender, properties.mail().from(), paging.schedule().zone());
    }

    /** The channels of a page run on these threads, in parallel. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService pageChannelExecutor() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "page-channel-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RetryTemplate deliveryRetry(DeliveryProperties properties) {
        return DeliveryRetry.template(properties.retry());
    }

    @Bean
    PageDelivery pageDelivery(List<Channel> channels, RetryTemplate deliveryRetry, ExecutorService pageChannelExecutor,
                              MeterRegistry registry) {
        return new PageDelivery(channels, deliveryRetry, pageChannelExecutor, registry);
    }

    /** Hand-over notices to the incoming engineer, on the channels of a page. */
    @Bean
    HandoverDelivery handoverDelivery(PageDelivery pageDelivery) {
        return new HandoverDelivery(pageDelivery);
    }

    /**
     * {@code delivery.mail.enabled} read as {@link DeliveryProperties} binds it: {@code on}, {@code yes} and {@code 1}
     * are true too, which {@code @ConditionalOnBooleanProperty} (only {@code true}) would not see.
     */
    static final class MailEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("support.escalation.delivery.mail.enabled", Boolean.class)
                    .orElse(false);
        }
    }
}
