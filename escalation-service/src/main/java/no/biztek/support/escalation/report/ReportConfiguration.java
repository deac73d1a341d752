package no.biztek.support.escalation.report;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.kafka.timer.PeriodicTasks;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.topic.Topics;

/** The monthly SLA reports: the snapshot topic's follower, the month closer and the link tokens. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
class ReportConfiguration {

    @Bean
    MonthClose monthClose(ReportProperties properties) {
        return new MonthClose(properties.zone(), properties.closeAfter(), properties.addendumWindow());
    }

    @Bean
    TopicFollower<SlaReportEntry> reportFollower(KafkaProperties kafka, ReportSnapshots snapshots) {
        return new TopicFollower<>(Topics.SLA_REPORTS, TopicFollower.consumers(kafka, "escalation-reports"),
                List.of(snapshots));
    }

    @Bean
    MonthCloser monthCloser(ReportLedger ledger, ReportSnapshots snapshots, ReportService reports, MonthClose months,
                            AcknowledgedPublisher publisher, TopicFollower<SlaReportEntry> reportFollower,
                            JsonMapper json, Clock clock, ReportProperties properties) {
        return new MonthCloser(ledger, snapshots, reports, months, publisher, reportFollower, json, clock, properties);
    }

    /** Every instance looks for months to close every {@code check-interval}. */
    @Bean
    PeriodicTasks monthClosing(MonthCloser closer, ReportProperties properties) {
        return PeriodicTasks.of(new PeriodicTasks.Task("sla-report-close", properties.checkInterval(),
                closer::closeDue));
    }

    @Bean
    ReportLinks reportLinks(AckTokens ackTokens) {
        return new ReportLinks(ackTokens.forPurpose(ReportLinks.PURPOSE));
    }
}
