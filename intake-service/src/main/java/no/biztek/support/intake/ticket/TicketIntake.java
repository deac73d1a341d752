package no.biztek.support.intake.ticket;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.intake.config.IntakeProperties;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.topic.Topics;

/**
 * The rules every ticket request passes, whichever way it arrived (HTTP, Zendesk, inbound topic), and
 * the one place that publishes ticket events. A request that breaks a rule publishes nothing.
 */
@Service
public class TicketIntake {

    static final String OPENED = "opened";
    static final String FIRST_RESPONSE = "first-response";
    static final String SEVERITY_CHANGED = "severity-changed";
    static final String RESOLVED = "resolved";
    static final String REOPENED = "reopened";

    private final TicketDirectory directory;
    private final TicketRetention retention;
    private final AcknowledgedPublisher publisher;
    private final PolicyHistory policies;
    private final RequestValidator validator;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final String producer;
    private final MeterRegistry meters;

    TicketIntake(TicketDirectory directory, TicketRetention retention, AcknowledgedPublisher publisher, PolicyHistory policies,
                 RequestValidator validator, Clock clock, IntakeProperties properties, MeterRegistry meters,
                 @Value("${spring.application.name}") String producer) {
        this.directory = directory;
        this.retention = retention;
        this.publisher = publisher;
        this.policies = policies;
        this.validator = validator;
        this.clock = clock;
        this.maxClockSkew = properties.maxClockSkew();
        this.meters = meters;
        this.producer = producer;
    }

    /** The ticket id a source's ticket has (or will have). */
    public static String ticketIdOf(String source, String externalId) {
        return TicketIds.ticketId(source, externalId);
    }

    public Accepted open(TicketRequests.OpenTicket request) {
        validator.validate(request);
        Instant now = now();
        Instant openedAt = millis(request.openedAt() == null ? now : request.openedAt());
        notInTheFuture("openedAt", openedAt, now);
        withinRetention(openedAt, now);
        policyAt(openedAt); // refuses a ticket opened before the terms took effect
        String ticketId = TicketIds.ticketId(request.source(), request.externalId());
        String eventId = TicketIds.eventId(ticketId, OPENED, 0);
        if (directory.knows(ticketId)) {
            return new Accepted(ticketId, eventId, Accepted.Outcome.ALREADY_RECORDED);
        }
        TicketOpened opened = TicketOpened.newBuilder()
                .setSource(request.source().trim())
                .setExternalId(request.externalId().trim())
                .setSeverity(severity(request.severity()))
                .setTitle(request.title())
                .setDescription(request.description())
                .setRequester(Person.newBuilder().setName(request.requester().name())
                        .setEmail(request.requester().email().trim()).build())
                .setChannel(Channel.valueOf(request.channel().name()))
                .setVendor(request.vendor() == null ? null
                        : Vendor.valueOf(request.vendor().name()))
                .setVendorService(request.vendorService())
                .setOpenedAt(openedAt)
                .build();
        TicketEvent event = envelope(eventId, ticketId, request.customerId().trim(), now, 0, opened);
        publisher.publish(Topics.TICKET_EVENTS, ticketId, event);
        directory.opened(event);
        meters.counter("support.tickets.opened", "severity", Integer.toString(request.severity()),
                "channel", request.channel().name()).increment();
        return new Accepted(ticketId, eventId, Accepted.Outcome.PUBLISHED);
    }

    public Accepted recordFirstResponse(String ticketId, TicketRequests.FirstResponse request) {
        validator.validate(request);
        return directory.change(ticketId, ticket -> recordFirstResponse(ticketId, ticket, request));
    }

    private Accepted recordFirstResponse(String ticketId, TicketSnapshot ticket, TicketRequests.FirstResponse request) {
        Instant now = now();
        Instant respondedAt = factTime("respondedAt", request.respondedAt(), now, ticket);
        String eventId = TicketIds.eventId(ticketId, FIRST_RESPONSE, 0);
        if (ticket.firstResponseRecorded()) {
            return new Accepted(ticketId, eventId, Accepted.Outcome.ALREADY_RECORDED);
        }
        return published(ticketId, ticket, now, eventId, FirstResponseRecorded.newBuilder()
                .setConsultant(request.consultant().trim()).setRespondedAt(respondedAt).build());
    }

    public Accepted changeSeverity(String ticketId, TicketRequests.SeverityChange request) {
        validator.validate(request);
        return directory.change(ticketId, ticket -> changeSeverity(ticketId, ticket, request));
    }

    private Accepted changeSeverity(String ticketId, TicketSnapshot ticket, TicketRequests.SeverityChange request) {
        Instant now = now();
        Instant changedAt = factTime("changedAt", request.changedAt(), now, ticket);
        Severity target = severity(request.severity());
        if (target == ticket.severity()) {
            String last = ticket.severityChanges() == 0 ? null
                    : TicketIds.eventId(ticketId, SEVERITY_CHANGED, ticket.severityChanges() - 1);
            return new Accepted(ticketId, last, Accepted.Outcome.ALREADY_RECORDED);
        }
        SeverityChangeReason reason = reasonFor(request, ticket, target);
        String eventId = TicketIds.eventId(ticketId, SEVERITY_CHANGED, ticket.severityChanges());
        return published(ticketId, ticket, now, eventId, SeverityChanged.newBuilder().setSeverity(target)
                .setReason(reason).setNote(request.note()).setChangedAt(changedAt).build());
    }

    public Accepted resolve(String ticketId, TicketRequests.Resolve request) {
        validator.validate(request);
        return directory.change(ticketId, ticket -> resolve(ticketId, ticket, request));
    }

    private Accepted resolve(String ticketId, TicketSnapshot ticket, TicketRequests.Resolve request) {
        Instant now = now();
        Instant resolvedAt = factTime("resolvedAt", request.resolvedAt(), now, ticket);
        if (ticket.resolved()) {
            return new Accepted(ticketId, TicketIds.eventId(ticketId, RESOLVED, ticket.resolutions() - 1),
                    Accepted.Outcome.ALREADY_RECORDED);
        }
        return published(ticketId, ticket, now, TicketIds.eventId(ticketId, RESOLVED, ticket.resolutions()),
                TicketResolved.newBuilder().setResolvedAt(resolvedAt).build());
    }

    public Accepted reopen(String ticketId, TicketRequests.Reopen request) {
        validator.validate(request);
        return directory.change(ticketId, ticket -> reopen(ticketId, ticket, request));
    }

    private Accepted reopen(String ticketId, TicketSnapshot ticket, TicketRequests.Reopen request) {
        Instant now = now();
        Instant reopenedAt = factTime("reopenedAt", request.reopenedAt(), now, ticket);
        if (!ticket.resolved()) {
            if (ticket.reopenings() > 0) {
                return new Accepted(ticketId, TicketIds.eventId(ticketId, REOPENED, ticket.reopenings() - 1),
                        Accepted.Outcome.ALREADY_RECORDED);
            }
            throw TicketProblems.conflict("Ticket " + ticketId + " is not resolved, so it cannot be reopened.");
        }
        return published(ticketId, ticket, now, TicketIds.eventId(ticketId, REOPENED, ticket.reopenings()),
                TicketReopened.newBuilder().setReopenedAt(reopenedAt).setNote(request.note()).build());
    }

    private SeverityChangeReason reasonFor(TicketRequests.SeverityChange request, TicketSnapshot ticket,
                                           Severity target) {
        boolean downgrade = target.ordinal() > ticket.severity().ordinal();
        if (!downgrade) {
            return request.reason() == null ? SeverityChangeReason.IMPACT_REASSESSED
                    : SeverityChangeReason.valueOf(request.reason().name());
        }
        SlaPolicy policy = policyAt(ticket.openedAt());
        if (request.reason() == null) {
            throw new InvalidRequestException("reason", "a downgrade needs a reason code, one of "
                    + policy.downgradeReasons());
        }
        if (!policy.allowsDowngradeReason(request.reason().name())) {
            throw new InvalidRequestException("reason", "a downgrade's reason must be one of "
                    + policy.downgradeReasons() + ", was " + request.reason());
        }
        return SeverityChangeReason.valueOf(request.reason().name());
    }

    private Accepted published(String ticketId, TicketSnapshot ticket, Instant now, String eventId, Object payload) {
        TicketEvent event = envelope(eventId, ticketId, ticket.customerId(), now, ticket.nextSequence(), payload);
        directory.published(publisher.publish(Topics.TICKET_EVENTS, ticketId, event));
        return new Accepted(ticketId, eventId, Accepted.Outcome.PUBLISHED);
    }

    private TicketEvent envelope(String eventId, String ticketId, String customerId, Instant now, int sequence,
                                 Object payload) {
        return TicketEvent.newBuilder().setEventId(eventId).setTicketId(ticketId).setCustomerId(customerId)
                .setOccurredAt(now).setProducer(producer).setSequence(sequence).setPayload(payload).build();
    }

    private SlaPolicy policyAt(Instant openedAt) {
        try {
            return policies.inForceAt(openedAt);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("openedAt", "lies before the support terms took effect ("
                    + policies.versions().get(0).effectiveFrom() + ")");
        }
    }

    /** When a fact about an open ticket happened: as requested, else now; not in the future, not before the opening. */
    private Instant factTime(String field, Instant requested, Instant now, TicketSnapshot ticket) {
        Instant at = millis(requested == null ? now : requested);
        notInTheFuture(field, at, now);
        notBeforeOpening(field, at, ticket);
        return at;
    }

    private void notInTheFuture(String field, Instant instant, Instant now) {
        if (instant.isAfter(now.plus(maxClockSkew))) {
            throw new InvalidRequestException(field, "must not be in the future (now is " + now + ")");
        }
    }

    /** An older opening could be that of a ticket resolved and forgotten since ({@link TicketRetention}). */
    private void withinRetention(Instant openedAt, Instant now) {
        Instant oldest = retention.oldestOpening(now);
        if (openedAt.isBefore(oldest)) {
            throw new InvalidRequestException("openedAt", "must not lie more than " + retention.retention()
                    + " in the past (support.intake.ticket-retention; the oldest accepted now is " + oldest + ")");
        }
    }

    private static void notBeforeOpening(String field, Instant instant, TicketSnapshot ticket) {
        if (instant.isBefore(ticket.openedAt())) {
            throw new InvalidRequestException(field, "must not be before the ticket was opened ("
                    + ticket.openedAt() + ")");
        }
    }

    private Instant now() {
        return millis(clock.instant());
    }

    /** Events carry millisecond precision; truncating here keeps what we validate equal to what we publish. */
    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static Severity severity(int level) {
        return Severity.values()[level - 1];
    }
}
