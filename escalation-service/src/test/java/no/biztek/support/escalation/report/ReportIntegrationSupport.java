package no.biztek.support.escalation.report;

import java.time.YearMonth;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.escalation.it.EscalationIntegrationTest;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/** What the report's tests on the shared broker share: a customer of their own, its facts published, month closers. */
abstract class ReportIntegrationSupport extends EscalationIntegrationTest {

    @Autowired ReportLedger ledger;
    @Autowired ReportSnapshots snapshots;
    @Autowired ReportService reports;
    @Autowired MonthClose months;
    @Autowired AcknowledgedPublisher publisher;
    @Autowired TopicFollower<SlaReportEntry> reportFollower;
    @Autowired JsonMapper json;
    @Autowired ReportProperties properties;

    final String customer = unique("kunde");

    /** Each event to its topic, keyed by its ticket, as the services write them. */
    void publishAll(List<Object> events) {
        for (Object event : events) {
            if (event instanceof TicketEvent t) {
                publish(Topics.TICKET_EVENTS, t.getTicketId(), t);
            } else if (event instanceof SlaEvent s) {
                publish(Topics.SLA_EVENTS, s.getTicketId(), s);
            } else if (event instanceof EscalationEvent e) {
                publish(Topics.ESCALATION_EVENTS, e.getTicketId(), e);
            }
        }
    }

    String path(YearMonth month) {
        return "/api/v1/reports/" + customer + "/" + month;
    }

    /** A month closer as another instance would run it (its own name in the claims). */
    MonthCloser closer(String instance) {
        ReportProperties as = new ReportProperties(properties.zone(), properties.closeAfter(),
                properties.addendumWindow(), properties.checkInterval(), properties.linkValidFor(), instance);
        return new MonthCloser(ledger, snapshots, reports, months, publisher, reportFollower, json, CLOCK, as);
    }
}
