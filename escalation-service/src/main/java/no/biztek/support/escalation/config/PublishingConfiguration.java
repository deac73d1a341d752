package no.biztek.support.escalation.config;

import static no.biztek.support.kafka.publish.SerializersByType.serializers;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.escalation.paging.PageCommand;
import no.biztek.support.httpapi.problem.BrokerUnavailableException;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.board.BoardLink;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.topic.Topics;

/**
 * What the HTTP API and the delivery component write (escalation events, on-call schedule entries, board links,
 * page commands as JSON, dead letters)
 * and how a request waits for it: 503 if Kafka does not acknowledge.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer catalogueSerializers() {
        return serializers().value(EscalationEvent.class, Topics.ESCALATION_EVENTS)
                .value(OnCallScheduleEntry.class, Topics.ONCALL_SCHEDULE)
                .value(BoardLink.class, Topics.BOARD_LINKS)
                .value(SlaReportEntry.class, Topics.SLA_REPORTS)
                .value(PageCommand.class, PageCommand.SERDE.serializer()).customizer();
    }

    @Bean
    AcknowledgedPublisher publisher(KafkaTemplate<Object, Object> template, ApiProperties properties) {
        return new AcknowledgedPublisher(template, properties.acknowledgementTimeout(),
                failure -> BrokerUnavailableException.notAcknowledged(properties.retryAfter(), failure));
    }
}
