package no.biztek.support.escalation.vendor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.api.Problems;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.httpapi.problem.FieldProblem;
import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Vendor escalations: validates each request against what is recorded, publishes its event on
 * {@code support.escalation-events.v1} (key: ticketId) and reads it back before answering, so the next
 * request on this instance sees it. Before validating, a request reads the topics up to now, so what
 * other instances wrote before it is seen; when Kafka cannot be read (or the write read back) in time the
 * answer is 503 with Retry-After, never a decision on a stale view. Writes on one instance are serialised;
 * two instances writing for the same escalation at the same moment can both pass validation (e.g. two
 * overlapping entries in the same few milliseconds): that small race is accepted rather than routing
 * requests by key. Identical retries are recognised by their deterministic ids and answered
 * {@code ALREADY_RECORDED} without publishing again; different content never shares an event id.
 */
@Component
class VendorEscalations {

    enum Outcome { PUBLISHED, ALREADY_RECORDED }

    record Written(String escalationId, String eventId, String entryId, Outcome outcome) {
    }

    private final VendorEscalationBook book;
    private final TicketDirectory tickets;
    private final TopicFollower<EscalationEvent> escalationFollower;
    private final TopicFollower<TicketEvent> ticketFollower;
    private final AcknowledgedPublisher publisher;
    private final RequestValidator validator;
    private final PolicyHistory policies;
    private final ApiProperties api;
    private final VendorProperties vendor;
    private final Clock clock;
    private final String producer;

    VendorEscalations(VendorEscalationBook book, TicketDirectory tickets,
                      TopicFollower<EscalationEvent> escalationFollower, TopicFollower<TicketEvent> ticketFollower,
                      AcknowledgedPublisher publisher, RequestValidator validator, PolicyHistory policies, ApiProperties api,
                      VendorProperties vendor, Clock clock, @Value("${spring.application.name}") String producer) {
        this.book = book;
        this.tickets = tickets;
        this.escalationFollower = escalationFollower;
        this.ticketFollower = ticketFollower;
        this.publisher = publisher;
        this.validator = validator;
        this.policies = policies;
        this.api = api;
        this.vendor = vendor;
        this.clock = clock;
        this.producer = producer;
    }

    synchronized Written open(String ticketId, VendorRequests.Open request) {
        validator.validate(request);
        caughtUp(ticketFollower);
        caughtUp(escalationFollower);
        TicketDirectory.Ticket ticket = tickets.find(ticketId)
                .orElseThrow(() -> Problems.notFound("No ticket " + ticketId + " is known (a ticket resolved more than "
                        + TimeEntryRules.words(tickets.resolvedRetention()) + " ago is no longer kept)."));
        String escalationId = Ids.escalationId(ticketId, request.vendor().name(), request.vendorCaseReference());
        String eventId = openedEventId(escalationId);
        if (book.find(escalationId).isPresent()) {
            return new Written(escalationId, eventId, null, Outcome.ALREADY_RECORDED);
        }
        if (ticket.resolved()) {
            throw Problems.conflict("Ticket " + ticketId + " is resolved; reopen it before escalating to a vendor.");
        }
        VendorEscalationOpened opened = VendorEscalationOpened.newBuilder()
                .setEscalationId(escalationId)
                .setVendor(Vendor.valueOf(request.vendor().name()))
                .setVendorService(blankToNull(request.vendorService()))
                .setVendorCaseReference(request.vendorCaseReference().trim())
                .setOpenedBy(request.openedBy().trim())
                .build();
        publish(envelope(eventId, ticketId, ticket.customerId(), opened));
        return new Written(escalationId, eventId, null, Outcome.PUBLISHED);
    }

    synchronized Written changeStatus(String escalationId, VendorRequests.StatusChange request) {
        validator.validate(request);
        VendorEscalationBook.Escalation escalation = openEscalation(escalationId);
        List<VendorEscalationBook.StatusChange> changes = escalation.statusChanges();
        String message = request.message().trim();
        String previous = openedEventId(escalationId);
        if (!changes.isEmpty()) {
            VendorEscalationBook.StatusChange last = changes.get(changes.size() - 1);
            if (last.status().equals(request.status().name()) && last.message().equals(message)) {
                return new Written(escalationId, last.eventId(), null, Outcome.ALREADY_RECORDED);
            }
            previous = last.eventId();
        }
        String eventId = statusEventId(escalationId, previous, request.status().name(), message);
        VendorStatusChanged changed = VendorStatusChanged.newBuilder()
                .setEscalationId(escalationId)
                .setVendor(escalation.vendor())
                .setVendorCaseReference(escalation.vendorCaseReference())
                .setStatus(VendorCaseStatus.valueOf(request.status().name()))
                .setMessage(message)
                .build();
        publish(envelope(eventId, escalation.ticketId(), escalation.customerId(), changed));
        return new Written(escalationId, eventId, null, Outcome.PUBLISHED);
    }

    synchronized Written recordTime(String escalationId, VendorRequests.TimeEntry request) {
        validator.validate(request);
        Instant start = request.startedAt().truncatedTo(ChronoUnit.MILLIS);
        Instant end = request.endedAt().truncatedTo(ChronoUnit.MILLIS);
        checkPeriod(start, end);
        caughtUp(escalationFollower);
        VendorEscalationBook.Escalation escalation = book.find(escalationId)
                .orElseThrow(() -> unknown(escalationId, book));
        String consultant = request.consultant().trim();
        String entryId = Ids.entryId(escalationId, consultant, start.toEpochMilli(), end.toEpochMilli());
        String eventId = Ids.eventId(entryId, "time-entry");
        if (escalation.timeEntries().stream().anyMatch(e -> e.entryId().equals(entryId))) {
            return new Written(escalationId, eventId, entryId, Outcome.ALREADY_RECORDED);
        }
        Optional<String> late = TimeEntryRules.afterClose(escalation.closedAt(), clock.instant(),
                vendor.timeEntryGraceAfterClose());
        if (late.isPresent()) {
            throw Problems.conflict("Vendor escalation " + escalation.escalationId() + " was closed by "
                    + escalation.closedBy() + " at " + escalation.closedAt() + "; " + late.get() + ".");
        }
        List<VendorEscalationBook.Overlap> overlaps = book.overlapping(consultant, start, end);
        if (!overlaps.isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (VendorEscalationBook.Overlap overlap : overlaps) {
                problems.add(new FieldProblem("startedAt", "overlaps entry " + overlap.entry().entryId() + " of "
                        + overlap.entry().consultant() + " from " + overlap.entry().startedAt() + " to "
                        + overlap.entry().endedAt() + " on vendor escalation " + overlap.escalationId()));
            }
            throw new InvalidRequestException(HttpStatus.CONFLICT, problems);
        }
        TimeEntryRecorded entry = TimeEntryRecorded.newBuilder()
                .setEscalationId(escalationId)
                .setEntryId(entryId)
                .setVendor(escalation.vendor())
                .setConsultant(consultant)
                .setStartedAt(start)
                .setEndedAt(end)
                .setNote(blankToNull(request.note()))
                .build();
        publish(envelope(eventId, escalation.ticketId(), escalation.customerId(), entry));
        return new Written(escalationId, eventId, entryId, Outcome.PUBLISHED);
    }

    private void checkPeriod(Instant start, Instant end) {
        List<FieldProblem> problems = TimeEntryRules.periodProblems(start, end, clock.instant(), api.maxClockSkew(),
                api.maxTimeEntry(), vendor.timeEntryMaxAge(), policies);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    synchronized Written close(String escalationId, VendorRequests.Close request) {
        validator.validate(request);
        caughtUp(escalationFollower);
        VendorEscalationBook.Escalation escalation = book.find(escalationId)
                .orElseThrow(() -> unknown(escalationId, book));
        String eventId = Ids.eventId(escalationId, "closed");
        String closedBy = request.closedBy().trim();
        if (escalation.closed()) {
            if (escalation.closedBy().equals(closedBy)
                    && Objects.equals(escalation.resolution(), blankToNull(request.resolution()))) {
                return new Written(escalationId, eventId, null, Outcome.ALREADY_RECORDED);
            }
            throw closed(escalation);
        }
        VendorEscalationClosed closed = VendorEscalationClosed.newBuilder()
                .setEscalationId(escalationId)
                .setVendor(escalation.vendor())
                .setVendorCaseReference(escalation.vendorCaseReference())
                .setClosedBy(closedBy)
                .setResolution(blankToNull(request.resolution()))
                .build();
        publish(envelope(eventId, escalation.ticketId(), escalation.customerId(), closed));
        return new Written(escalationId, eventId, null, Outcome.PUBLISHED);
    }

    private VendorEscalationBook.Escalation openEscalation(String escalationId) {
        caughtUp(escalationFollower);
        VendorEscalationBook.Escalation escalation = book.find(escalationId)
                .orElseThrow(() -> unknown(escalationId, book));
        if (escalation.closed()) {
            throw closed(escalation);
        }
        return escalation;
    }

    /** 404 for an escalation never opened, or closed so long ago that it is no longer kept. */
    static RuntimeException unknown(String escalationId, VendorEscalationBook book) {
        return Problems.notFound("No vendor escalation " + escalationId + " is known (a closed one is kept for "
                + TimeEntryRules.words(book.closedRetention()) + " after its last activity).");
    }

    private static RuntimeException closed(VendorEscalationBook.Escalation escalation) {
        return Problems.conflict("Vendor escalation " + escalation.escalationId() + " was closed by "
                + escalation.closedBy() + " at " + escalation.closedAt() + ".");
    }

    private EscalationEvent envelope(String eventId, String ticketId, String customerId, Object payload) {
        return EscalationEvent.newBuilder()
                .setEventId(eventId)
                .setTicketId(ticketId)
                .setCustomerId(customerId)
                .setOccurredAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .setProducer(producer)
                .setPayload(payload)
                .build();
    }

    /**
     * Reads the topic up to now before a request is validated against its view: what any instance wrote
     * before this request is seen. 503 when Kafka cannot be read in time.
     */
    private void caughtUp(TopicFollower<?> follower) {
        if (!follower.awaitCaughtUp(api.lookupTimeout())) {
            throw Problems.unavailable("Could not read " + follower.topic().name() + " up to now in time; try again.",
                    api.retryAfter());
        }
    }

    /**
     * Publishes and waits until the view has read the event back, so this instance's next request sees it.
     * 503 when it is not read back in time: the event may be recorded, and a retry is recognised by its id.
     */
    private void publish(EscalationEvent event) {
        RecordMetadata written = publisher.publish(Topics.ESCALATION_EVENTS, event.getTicketId(), event);
        if (!escalationFollower.readBack(written, api.lookupTimeout())) {
            throw Problems.unavailable("The event was written but could not be read back in time; retry the "
                    + "request (a retry is recognised and not recorded twice).", api.retryAfter());
        }
    }

    private static String openedEventId(String escalationId) {
        return Ids.eventId(escalationId, "opened");
    }

    /**
     * The id of a status change: its content (status and message) chained to the event before it (the
     * previous status change, or the opening). The same change retried gets the same id; two different
     * changes never share one, even when two instances (or a stale view) chain them to the same predecessor;
     * the same content later in the history has another predecessor, so another id.
     */
    static String statusEventId(String escalationId, String previousEventId, String status, String message) {
        return Ids.eventId(escalationId, "status|" + previousEventId + "|" + status + "|" + message);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
