package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.paging.EscalationPolicy.Assignment;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.escalation.ReEscalationReason;

/** The page events of {@code support.escalation-events.v1}, with deterministic ids. */
public final class PageEvents {

    /**
     * Record header of a PageAcknowledged published through the API: the name of the Bearer token it was sent with
     * (its configured {@code name}). The contract's PageAcknowledged has no field for it (a schema field would be
     * its proper home); the topology keeps it in the page state, where the page board and the API show it.
     */
    public static final String ACKNOWLEDGED_BY_TOKEN_HEADER = "support-acknowledged-by-token";

    private final String producer;

    public PageEvents(String producer) {
        this.producer = producer;
    }

    EscalationEvent paged(PageState page, Assignment assignment, Instant now) {
        OnCallPaged payload = OnCallPaged.newBuilder()
                .setPageId(page.pageId())
                .setCause(PageCause.valueOf(page.cause()))
                .setSeverity(Severity.valueOf(page.severity()))
                .setLevel(assignment.step().level())
                .setLevelName(assignment.levelName())
                .setRound(assignment.step().round())
                .setPaged(person(assignment))
                .setAcknowledgeBy(millis(assignment.acknowledgeBy()))
                .build();
        return envelope(Ids.eventId(page.pageId(), "paged"), page, now, payload);
    }

    EscalationEvent reEscalated(PageState from, Assignment assignment, ReEscalationReason reason, Instant now) {
        PageReEscalated payload = PageReEscalated.newBuilder()
                .setPageId(from.pageId())
                .setReason(reason)
                .setFromLevel(from.level())
                .setLevel(assignment.step().level())
                .setLevelName(assignment.levelName())
                .setRound(assignment.step().round())
                .setPaged(person(assignment))
                .setAcknowledgeBy(millis(assignment.acknowledgeBy()))
                .build();
        String what = "re-escalated|" + assignment.step().level() + "|" + assignment.step().round();
        return envelope(Ids.eventId(from.pageId(), what), from, now, payload);
    }

    /**
     * A page stopped paging without an acknowledgement, or its cause was withdrawn. One id per page and reason: a
     * page closed by a first response and then withdrawn gets two distinct events, a replay the same one.
     */
    EscalationEvent closed(PageState page, PageCloseReason reason, String explanation, String supersededEventId,
                           Instant now) {
        PageClosed payload = PageClosed.newBuilder()
                .setPageId(page.pageId())
                .setReason(reason)
                .setExplanation(explanation)
                .setPagedPeople(page.everyonePaged().stream()
                        .map(p -> Person.newBuilder().setName(p.name()).setEmail(p.email()).build()).toList())
                .setSupersededEventId(supersededEventId)
                .build();
        return envelope(Ids.eventId(page.pageId(), "closed|" + reason.name()), page, now, payload);
    }

    /** The acknowledgement of a page; one id per page, so a repeated acknowledgement is a duplicate. */
    public EscalationEvent acknowledged(String pageId, String ticketId, String customerId, int level,
                                        String acknowledgedBy, AcknowledgementChannel via, Instant now) {
        PageAcknowledged payload = PageAcknowledged.newBuilder()
                .setPageId(pageId)
                .setAcknowledgedBy(acknowledgedBy)
                .setLevel(level)
                .setVia(via)
                .build();
        return EscalationEvent.newBuilder()
                .setEventId(Ids.eventId(pageId, "acknowledged"))
                .setTicketId(ticketId)
                .setCustomerId(customerId)
                .setOccurredAt(millis(now))
                .setProducer(producer)
                .setPayload(payload)
                .build();
    }

    private EscalationEvent envelope(String eventId, PageState page, Instant now, Object payload) {
        return EscalationEvent.newBuilder()
                .setEventId(eventId)
                .setTicketId(page.ticketId())
                .setCustomerId(page.customerId())
                .setOccurredAt(millis(now))
                .setProducer(producer)
                .setPayload(payload)
                .build();
    }

    private static Person person(Assignment assignment) {
        return Person.newBuilder().setName(assignment.person().name()).setEmail(assignment.person().email()).build();
    }

    static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
