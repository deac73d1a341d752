package no.biztek.support.notification.audit;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.kafka.streams.StreamsRunner;
import no.biztek.support.notification.config.NotificationProperties;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    NotificationHistoryQuery notificationHistoryQuery(StreamsRunner streams, NotificationProperties properties) {
        return new NotificationHistoryQuery(new StreamsHistorySource(streams), properties.applicationServer());
    }

    @Bean
    PendingNotificationsMetrics pendingNotificationsMetrics(StreamsRunner streams, Clock clock,
                                                            MeterRegistry registry) {
        return new PendingNotificationsMetrics(streams, clock, registry);
    }
}
