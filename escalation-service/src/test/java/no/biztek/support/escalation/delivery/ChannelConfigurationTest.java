package no.biztek.support.escalation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.TestPaging;

/** Every Channel bean is a channel of every page, in order; e-mail is one when enabled and an SMTP server is set. */
class ChannelConfigurationTest {

    private final List<String> mailed = new ArrayList<>();

    private ApplicationContextRunner runner(boolean mailEnabled) {
        DeliveryProperties properties = new DeliveryProperties(
                new DeliveryProperties.Webhook(null, DeliveryProperties.Format.PLAIN, Duration.ofSeconds(1)),
                new DeliveryProperties.Mail(mailEnabled, "oncall@biztek.example"),
                new DeliveryProperties.Retry(1, Duration.ofMillis(1), 1.0, Duration.ofMillis(1)), null);
        return new ApplicationContextRunner()
                .withBean(DeliveryProperties.class, () -> properties)
                .withBean(PagingProperties.class, TestPaging::properties)
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withUserConfiguration(ChannelConfiguration.class)
                .withPropertyValues("support.escalation.delivery.mail.enabled=" + mailEnabled);
    }

    private JavaMailSender smtp() {
        return new JavaMailSenderImpl() {
            @Override
            public void send(SimpleMailMessage... messages) {
                for (SimpleMailMessage message : messages) {
                    mailed.add(message.getTo()[0]);
                }
            }
        };
    }

    private static List<String> channels(PageDelivery delivery) {
        return delivery.deliver(PageDeliveryTest.PAGE).attempts().stream().map(PageDelivery.Attempt::channel).toList();
    }

    @Test
    void aPageGoesToTheWebhookAndByMail() {
        runner(true).withBean(JavaMailSender.class, this::smtp).run(context -> {
            assertThat(channels(context.getBean(PageDelivery.class))).containsExactly("webhook", "email");
            assertThat(mailed).containsExactly(PageDeliveryTest.PAGE.email());
        });
    }

    @Test
    void mailIsEnabledByAnyValueThatBindsAsTrue() {
        runner(true).withPropertyValues("support.escalation.delivery.mail.enabled=on")
                .withBean(JavaMailSender.class, this::smtp)
                .run(context -> assertThat(channels(context.getBean(PageDelivery.class)))
                        .containsExactly("webhook", "email"));
    }

    @Test
    void withMailDisabledOnlyTheWebhookIsAChannel() {
        runner(false).run(context -> assertThat(channels(context.getBean(PageDelivery.class)))
                .containsExactly("webhook"));
    }

    @Test
    void mailEnabledWithoutAnSmtpServerFailsStartUpNamingTheSetting() {
        runner(true).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("support.escalation.delivery.mail.enabled is true")
                    .hasMessageContaining("spring.mail.host");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Slack {
        @Bean
        Channel slackChannel() {
            return new PageDeliveryTest.FakeChannel("slack", () -> { });
        }
    }

    @Test
    void anotherChannelIsOneMoreBean() {
        runner(false).withUserConfiguration(Slack.class).run(context -> {
            PageDelivery.Report report = context.getBean(PageDelivery.class).deliver(PageDeliveryTest.PAGE);
            assertThat(report.attempts()).extracting(PageDelivery.Attempt::channel).containsExactly("webhook", "slack");
            assertThat(report.delivered()).isTrue();
        });
    }
}
