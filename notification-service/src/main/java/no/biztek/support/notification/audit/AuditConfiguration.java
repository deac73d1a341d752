package no.biztek.support.notification.audit;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.notification.NotificationProperties;
import no.biztek.support.notification.pipeline.NotificationStreams;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    NotificationHistoryQuery notificationHistoryQuery(NotificationStreams streams, NotificationProperties properties,
                                                      JsonMapper jsonMapper) {
        return new NotificationHistoryQuery(streams, properties.applicationServer(), jsonMapper);
    }

    @Bean
    PendingNotificationsMetrics pendingNotificationsMetrics(NotificationStreams streams, Clock clock,
                                                            MeterRegistry registry) {
        return new PendingNotificationsMetrics(streams, clock, registry);
    }
}
