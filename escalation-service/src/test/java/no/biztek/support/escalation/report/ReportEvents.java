package no.biztek.support.escalation.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResumed;

/**
 * One ticket's events for report tests, written as the services write them (policy biztek-2020-01, plan standard),
 * collected in {@link #events()} (ticket, SLA and escalation events, as Objects).
 */
final class ReportEvents {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    final String ticketId;
    final String customerId;
    final Instant openedAt;
    Severity severity;
    private final List<Object> events = new ArrayList<>();
    private int n;

    private ReportEvents(String ticketId, String customerId, Severity severity, Instant openedAt, Channel channel) {
        this.ticketId = ticketId;
        this.customerId = customerId;
        this.openedAt = openedAt;
        this.severity = severity;
        events.add(ticket(openedAt, TicketOpened.newBuilder().setSource("portal").setExternalId("INC-" + ticketId)
                .setSeverity(severity).setTitle("t").setDescription("d")
                .setRequester(Person.newBuilder().setName("Per").setEmail("per@kunde.no").build())
                .setChannel(channel).setOpenedAt(openedAt).build()));
    }

    /** A ticket opened at a local time in Oslo, e.g. "2026-10-05T09:00". */
    static ReportEvents opened(String ticketId, String customerId, Severity severity, Channel channel, String oslo) {
        return new ReportEvents(ticketId, customerId, severity, oslo(oslo), channel);
    }

    static Instant oslo(String local) {
        return LocalDateTime.parse(local).atZone(OSLO).toInstant();
    }

    /** The ticket as its source system knows it (the opening says portal, INC-<ticketId> and "t" otherwise). */
    ReportEvents known(String source, String externalId, String title) {
        TicketEvent opening = (TicketEvent) events.get(0);
        TicketOpened opened = (TicketOpened) opening.getPayload();
        opened.setSource(source);
        opened.setExternalId(externalId);
        opened.setTitle(title);
        return this;
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    ReportEvents held(String reason, String at) {
        events.add(ticket(oslo(at), TicketHeld.newBuilder().setReason(reason).setHeldAt(oslo(at)).build()));
        return this;
    }

    ReportEvents resumed(String at) {
        events.add(ticket(oslo(at), TicketResumed.newBuilder().setResumedAt(oslo(at)).build()));
        return this;
    }

    ReportEvents responded(String at) {
        events.add(ticket(oslo(at), FirstResponseRecorded.newBuilder().setConsultant("Kari").setRespondedAt(oslo(at))
                .build()));
        return this;
    }

    ReportEvents changed(Severity to, String reasonCode, String at) {
        events.add(ticket(oslo(at), SeverityChanged.newBuilder().setSeverity(to)
                .setReason(SeverityChangeReason.CUSTOMER_RESOURCES_UNAVAILABLE).setReasonCode(reasonCode)
                .setChangedAt(oslo(at)).build()));
        severity = to;
        return this;
    }

    /** SlaMet of first response at a local time with the minutes the timer counted. */
    ReportEvents met(String metric, long minutes, String at) {
        events.add(sla("met-" + metric, metric, oslo(at), oslo(at), SlaMet.newBuilder().setRespondedAt(oslo(at))
                .setConsultant("Kari").setBusinessMinutesUsed(minutes).setTargetMinutes(240).build()));
        return this;
    }

    ReportEvents breached(String metric, String dueAt) {
        events.add(sla("breached-" + metric, metric, oslo(dueAt), oslo(dueAt),
                SlaBreached.newBuilder().setTargetMinutes(240).build()));
        return this;
    }

    /** A correction of this ticket's breach of the metric, at a local time. */
    ReportEvents breachWithdrawn(String metric, String at) {
        events.add(sla("corrected-" + metric, metric, oslo(at), oslo(at), SlaCorrected.newBuilder()
                .setSupersededEventId(eventId("breached-" + metric)).setKind(SlaCorrectionKind.BREACH_WITHDRAWN)
                .setState(SlaClockState.MET).setBusinessMinutesUsed(0).build()));
        return this;
    }

    /**
     * What sla-timer writes when a late first response withdraws this ticket's breach of the metric: the correction
     * (made at {@code at}) and the met verdict at the response time {@code at} with {@code minutes}.
     */
    static List<Object> correction(ReportEvents ticket, String metric, Instant at, long minutes) {
        SlaEvent corrected = ticket.sla("corrected-" + metric, metric, at, at, SlaCorrected.newBuilder()
                .setSupersededEventId(ticket.eventId("breached-" + metric)).setKind(SlaCorrectionKind.BREACH_WITHDRAWN)
                .setState(SlaClockState.MET).setBusinessMinutesUsed(minutes).build());
        SlaEvent met = ticket.sla("met-" + metric, metric, at, at, SlaMet.newBuilder().setRespondedAt(at)
                .setConsultant("Kari").setBusinessMinutesUsed(minutes).setTargetMinutes(480).build());
        return List.of(corrected, met);
    }

    /** A correction of this ticket's event {@code superseded} (e.g. "met-first-response"), made at {@code at}. */
    ReportEvents corrected(String metric, SlaCorrectionKind kind, SlaClockState state, String superseded,
                           long minutes, String at) {
        events.add(sla("corrected-" + kind, metric, oslo(at), oslo(at), SlaCorrected.newBuilder()
                .setSupersededEventId(eventId(superseded)).setKind(kind).setState(state)
                .setBusinessMinutesUsed(minutes).build()));
        return this;
    }

    ReportEvents paged(String pageId, String at) {
        events.add(escalation(oslo(at), OnCallPaged.newBuilder().setPageId(pageId)
                .setCause(PageCause.CRITICAL_TICKET_OPENED).setSeverity(severity).setLevel(1)
                .setLevelName("on-call engineer").setRound(1)
                .setPaged(Person.newBuilder().setName("Kari").setEmail("kari@biztek.example").build())
                .setAcknowledgeBy(oslo(at).plusSeconds(900)).build()));
        return this;
    }

    ReportEvents acknowledged(String pageId, String at) {
        events.add(escalation(oslo(at), PageAcknowledged.newBuilder().setPageId(pageId).setAcknowledgedBy("Kari")
                .setLevel(1).setVia(AcknowledgementChannel.LINK).build()));
        return this;
    }

    ReportEvents vendor(String escalationId, Vendor vendor, String caseReference, String at) {
        events.add(escalation(oslo(at), VendorEscalationOpened.newBuilder().setEscalationId(escalationId)
                .setVendor(vendor).setVendorCaseReference(caseReference).setOpenedBy("Kari").build()));
        return this;
    }

    private String eventId(String kind) {
        return ticketId + "|" + kind;
    }

    private TicketEvent ticket(Instant at, Object payload) {
        return TicketEvent.newBuilder().setEventId(eventId("t" + n++)).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("intake-service").setPayload(payload).build();
    }

    private SlaEvent sla(String kind, String metric, Instant at, Instant dueAt, Object payload) {
        return SlaEvent.newBuilder().setEventId(eventId(kind)).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(at).setProducer("sla-timer-service").setSeverity(severity)
                .setPolicyVersion("biztek-2020-01").setOpenedAt(openedAt).setDueAt(dueAt).setMetric(metric)
                .setPlan("standard").setPayload(payload).build();
    }

    private EscalationEvent escalation(Instant at, Object payload) {
        return EscalationEvent.newBuilder().setEventId(eventId("e" + n++)).setTicketId(ticketId)
                .setCustomerId(customerId).setOccurredAt(at).setProducer("escalation-service").setPayload(payload)
                .build();
    }

    /** Feeds events to the ledger's views, in the given order. */
    static void feed(ReportLedger ledger, List<Object> events) {
        for (Object event : events) {
            if (event instanceof TicketEvent t) {
                ledger.tickets().fold(t.getTicketId(), t);
            } else if (event instanceof SlaEvent s) {
                ledger.sla().fold(s.getTicketId(), s);
            } else if (event instanceof EscalationEvent e) {
                ledger.escalations().fold(e.getTicketId(), e);
            }
        }
    }
}
