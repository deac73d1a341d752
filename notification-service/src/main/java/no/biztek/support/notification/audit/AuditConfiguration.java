package no.biztek.support.notification.audit;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.notification.NotificationProperties;
import no.biztek.support.notification.pipeline.NotificationStreams;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    NotificationHistoryQuery notificationHistoryQuery(NotificationStreams streams, NotificationProperties properties) {
        return new NotificationHistoryQuery(new StreamsHistorySource(streams), properties.applicationServer());
    }

    @Bean
    PendingNotificationsMetrics pendingNotificationsMetrics(NotificationStreams streams, Clock clock,
                                                            MeterRegistry registry) {
        return new PendingNotificationsMetrics(streams, clock, registry);
    }
}
