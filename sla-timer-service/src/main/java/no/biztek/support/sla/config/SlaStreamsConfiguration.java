package no.biztek.support.sla.config;

import java.time.Clock;

import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import no.biztek.support.kafka.DeadLetterMetrics;
import no.biztek.support.kafka.streams.StreamsRunnerConfiguration;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.sla.clock.ClockMetrics;
import no.biztek.support.sla.clock.SlaTopology;
import no.biztek.support.sla.clock.TopologySettings;

/** The SLA topology, which kafka-platform's {@code StreamsRunner} runs. */
@Configuration(proxyBeanMethods = false)
class SlaStreamsConfiguration {

    @Bean(destroyMethod = "close")
    AdminBacklogLookup backlogLookup(KafkaProperties kafka, Environment environment) {
        return new AdminBacklogLookup(kafka.buildAdminProperties(),
                StreamsRunnerConfiguration.applicationId(kafka, environment));
    }

    @Bean
    Topology slaTopology(PlanCatalogue plans, Clock clock, SlaStreamsProperties properties, ClockMetrics metrics,
                         AdminBacklogLookup backlog, DeadLetterMetrics deadLetters,
                         @Value("${spring.application.name}") String producer) {
        return SlaTopology.build(plans, clock::instant, new TopologySettings(producer,
                properties.punctuationInterval(), properties.maxTimersPerPunctuation(),
                properties.closedClockRetention(), properties.backlogWait()), metrics, backlog, deadLetters);
    }
}
