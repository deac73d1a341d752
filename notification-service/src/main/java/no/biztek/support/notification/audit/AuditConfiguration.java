package no.biztek.support.notification.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.httpapi.forward.InstanceForwarding;
import no.biztek.support.kafka.streams.AdvertisedAddress;
import no.biztek.support.kafka.streams.StreamsRunner;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    NotificationHistoryQuery notificationHistoryQuery(StreamsRunner streams, ObjectProvider<AdvertisedAddress> address,
                                                      InstanceForwarding forwarding) {
        return new NotificationHistoryQuery(new StreamsHistorySource(streams),
                () -> address.getIfAvailable() == null ? null : address.getIfAvailable().self(), forwarding);
    }

    @Bean
    PendingNotificationsMetrics pendingNotificationsMetrics(StreamsRunner streams, Clock clock,
                                                            MeterRegistry registry) {
        return new PendingNotificationsMetrics(streams, clock, registry);
    }
}
