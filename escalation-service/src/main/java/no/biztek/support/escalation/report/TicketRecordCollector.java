package no.biztek.support.escalation.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import no.biztek.support.escalation.report.TicketRecord.Opening;
import no.biztek.support.escalation.report.TicketRecord.SeverityChange;
import no.biztek.support.escalation.report.TicketRecord.SlaFact;
import no.biztek.support.escalation.report.TicketRecord.Timed;
import no.biztek.support.escalation.report.TicketRecord.VendorCase;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;

/**
 * The facts of one ticket as {@link ReportLedger} collects them: every fact by its event id (a repeated event
 * replaces itself), so the {@link #record() record} does not depend on the order they came in. Not thread-safe.
 */
final class TicketRecordCollector {

    private final String ticketId;
    private final String customerId;
    private Instant openedAt;
    private Opening opening;
    private final Map<String, SeverityChange> severityChanges = new HashMap<>();
    private final Map<String, Timed> held = new HashMap<>();
    private final Map<String, Timed> resumed = new HashMap<>();
    private final Map<String, Timed> responses = new HashMap<>();
    private final Map<String, Timed> resolutions = new HashMap<>();
    private final Map<String, SlaFact> sla = new HashMap<>();
    private final Map<String, Timed> paged = new HashMap<>();
    private final Map<String, Timed> acknowledged = new HashMap<>();
    private final Map<String, VendorCase> vendorCases = new HashMap<>();
    private Instant earliest;

    TicketRecordCollector(String ticketId, String customerId) {
        this.ticketId = ticketId;
        this.customerId = customerId;
    }

    String customerId() {
        return customerId;
    }

    Instant openedAt() {
        return openedAt;
    }

    /** The earliest event time of any fact (for dropping a ticket whose opening was never read). */
    Instant earliest() {
        return earliest;
    }

    void add(TicketEvent event) {
        String id = event.getEventId();
        seen(event.getOccurredAt());
        Object payload = event.getPayload();
        if (payload instanceof TicketOpened o) {
            openedAt = o.getOpenedAt();
            opening = new Opening(o.getSeverity().name(), o.getChannel().name(), o.getPlan(), o.getTitle(),
                    o.getSource(), o.getExternalId());
        } else if (payload instanceof SeverityChanged c) {
            severityChanges.put(id, new SeverityChange(id, c.getChangedAt(), c.getSeverity().name(),
                    c.getReasonCode() != null ? c.getReasonCode() : c.getReason().name()));
        } else if (payload instanceof TicketHeld h) {
            held.put(id, new Timed(id, h.getHeldAt(), h.getReason()));
        } else if (payload instanceof TicketResumed r) {
            resumed.put(id, new Timed(id, r.getResumedAt(), null));
        } else if (payload instanceof FirstResponseRecorded r) {
            responses.put(id, new Timed(id, r.getRespondedAt(), r.getConsultant()));
        } else if (payload instanceof TicketResolved r) {
            resolutions.put(id, new Timed(id, r.getResolvedAt(), null));
        }
    }

    void add(SlaEvent event) {
        if (openedAt == null) {
            openedAt = event.getOpenedAt();
        }
        seen(event.getOccurredAt());
        Object payload = event.getPayload();
        String kind;
        Long used = null;
        Integer target = null;
        String superseded = null;
        String detail = null;
        if (payload instanceof SlaMet m) {
            kind = "MET";
            used = m.getBusinessMinutesUsed();
            target = m.getTargetMinutes();
        } else if (payload instanceof SlaBreached b) {
            kind = "BREACHED";
            target = b.getTargetMinutes();
        } else if (payload instanceof SlaCorrected c) {
            kind = "CORRECTED";
            used = c.getBusinessMinutesUsed();
            superseded = c.getSupersededEventId();
            detail = c.getKind().name() + "|" + c.getState().name();
        } else if (payload instanceof SlaClockPaused p) {
            kind = "PAUSED";
            detail = p.getReason();
        } else if (payload instanceof SlaClockResumed r) {
            kind = "RESUMED";
            detail = r.getReason();
        } else if (payload instanceof SlaClockStopped) {
            kind = "STOPPED";
        } else {
            return; // started, deadline changes and warnings: not in the report
        }
        sla.put(event.getEventId(), new SlaFact(event.getEventId(), event.getMetric(), kind, event.getOccurredAt(),
                event.getSeverity().name(), event.getPolicyVersion(), event.getPlan(), event.getDueAt(), used, target,
                superseded, detail));
    }

    void add(EscalationEvent event) {
        String id = event.getEventId();
        Instant at = event.getOccurredAt();
        seen(at);
        Object payload = event.getPayload();
        if (payload instanceof OnCallPaged p) {
            paged.put(id, new Timed(id, at, p.getPageId() + "|" + p.getSeverity().name()));
        } else if (payload instanceof PageAcknowledged a) {
            acknowledged.put(id, new Timed(id, at, a.getPageId()));
        } else if (payload instanceof VendorEscalationOpened o) {
            vendorCases.merge(o.getEscalationId(), new VendorCase(o.getEscalationId(), o.getVendor().name(),
                    o.getVendorCaseReference(), at, null), TicketRecordCollector::merge);
        } else if (payload instanceof VendorEscalationClosed c) {
            vendorCases.merge(c.getEscalationId(), new VendorCase(c.getEscalationId(), c.getVendor().name(),
                    c.getVendorCaseReference(), null, at), TicketRecordCollector::merge);
        }
    }

    /** Opened and closed, in whichever order they came; the earliest of each. */
    private static VendorCase merge(VendorCase a, VendorCase b) {
        return new VendorCase(a.escalationId(), a.vendor(), a.caseReference(), earlier(a.openedAt(), b.openedAt()),
                earlier(a.closedAt(), b.closedAt()));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private void seen(Instant at) {
        earliest = earlier(earliest, at);
    }

    TicketRecord record() {
        return new TicketRecord(ticketId, customerId, openedAt, opening,
                sorted(severityChanges, Comparator.comparing(SeverityChange::at).thenComparing(SeverityChange::eventId)),
                timed(held), timed(resumed), timed(responses), timed(resolutions),
                sorted(sla, Comparator.comparing(SlaFact::at).thenComparing(SlaFact::eventId)), timed(paged),
                timed(acknowledged), sorted(vendorCases, Comparator.comparing(VendorCase::escalationId)));
    }

    private static List<Timed> timed(Map<String, Timed> facts) {
        return sorted(facts, TicketRecord.BY_TIME);
    }

    private static <T> List<T> sorted(Map<String, T> facts, Comparator<T> order) {
        List<T> list = new ArrayList<>(facts.values());
        list.sort(order);
        return List.copyOf(list);
    }

}
