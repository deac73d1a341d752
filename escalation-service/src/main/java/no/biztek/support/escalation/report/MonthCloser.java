package no.biztek.support.escalation.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.report.SlaReportClaimed;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.report.SlaReportSnapshot;
import no.biztek.support.schemas.topic.Topics;

/**
 * Closes due months on every instance, every {@code check-interval}: for each customer with tickets in a closed month
 * that has no snapshot yet, the instance claims it on {@code support.sla-reports.v1} (key
 * {@code claim|<customerId>|<yyyy-MM>}) and reads the claims back; the claims of a month share a key, hence a partition,
 * so every instance sees them in the same order and only the first claimant writes the snapshot (key
 * {@code <customerId>|<yyyy-MM>}), once. A claimant that dies between its claim and the snapshot leaves the month
 * without one: it is then served computed as at the close ({@code final-computed}). Run every {@code check-interval}
 * by a {@link no.biztek.support.kafka.timer.PeriodicTasks} ({@link ReportConfiguration}).
 */
final class MonthCloser {

    private static final Logger log = LoggerFactory.getLogger(MonthCloser.class);
    private static final String PRODUCER = "escalation-service";

    private final ReportLedger ledger;
    private final ReportSnapshots snapshots;
    private final ReportService reports;
    private final MonthClose months;
    private final AcknowledgedPublisher publisher;
    private final TopicFollower<SlaReportEntry> follower;
    private final JsonMapper json;
    private final Clock clock;
    private final ReportProperties properties;
    private final Duration readBack = Duration.ofSeconds(10);

    MonthCloser(ReportLedger ledger, ReportSnapshots snapshots, ReportService reports, MonthClose months,
                AcknowledgedPublisher publisher, TopicFollower<SlaReportEntry> follower, JsonMapper json, Clock clock,
                ReportProperties properties) {
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.reports = reports;
        this.months = months;
        this.publisher = publisher;
        this.follower = follower;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** One check: writes the snapshots this instance wins; how many it wrote. Throws when Kafka does not answer. */
    int closeDue() {
        if (!follower.awaitCaughtUp(readBack)) {
            return 0;
        }
        Instant now = clock.instant();
        int written = 0;
        for (YearMonth month : months.closedAndKept(now)) {
            for (String customer : ledger.customers(month)) {
                if (!snapshots.has(customer, month) && claim(customer, month)) {
                    write(ReportSnapshots.key(customer, month), entry(customer, month, SlaReportSnapshot.newBuilder()
                            .setClosedAt(months.closeOf(month)).setFormatVersion(SlaReport.FORMAT_VERSION)
                            .setDocument(json.writeValueAsString(reports.snapshot(customer, month))).build()));
                    written++;
                    log.info("Wrote the SLA report snapshot of {}", month);
                }
            }
        }
        return written;
    }

    private boolean claim(String customer, YearMonth month) {
        if (snapshots.claimant(customer, month) == null) {
            write(ReportSnapshots.CLAIM_PREFIX + ReportSnapshots.key(customer, month), entry(customer, month,
                    SlaReportClaimed.newBuilder().setInstance(properties.instance()).build()));
        }
        return properties.instance().equals(snapshots.claimant(customer, month));
    }

    private SlaReportEntry entry(String customer, YearMonth month, Object payload) {
        return SlaReportEntry.newBuilder().setCustomerId(customer).setMonth(month.toString())
                .setWrittenAt(clock.instant()).setProducer(PRODUCER).setPayload(payload).build();
    }

    private void write(String key, SlaReportEntry entry) {
        RecordMetadata written = publisher.publish(Topics.SLA_REPORTS, key, entry);
        if (!follower.readBack(written, readBack)) {
            throw new IllegalStateException("wrote " + key + " to " + Topics.SLA_REPORTS.name()
                    + " but did not read it back in time");
        }
    }
}
