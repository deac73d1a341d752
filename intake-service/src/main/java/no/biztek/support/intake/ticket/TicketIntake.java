package no.biztek.support.intake.ticket;

import java.time.Instant;

import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.intake.customer.CustomerPlans;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

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
    private final TicketFacts facts;
    private final CustomerPlans customerPlans;
    private final RequestValidator validator;
    private final MeterRegistry meters;

    TicketIntake(TicketDirectory directory, TicketRetention retention, TicketFacts facts, CustomerPlans customerPlans,
                 RequestValidator validator, MeterRegistry meters) {
        this.directory = directory;
        this.retention = retention;
        this.facts = facts;
        this.customerPlans = customerPlans;
        this.validator = validator;
        this.meters = meters;
    }

    /** The ticket id a source's ticket has (or will have). */
    public static String ticketIdOf(String source, String externalId) {
        return TicketIds.ticketId(source, externalId);
    }

    public Accepted open(TicketRequests.OpenTicket request) {
        validator.validate(request);
        Instant now = facts.now();
        Instant openedAt = TicketFacts.millis(request.openedAt() == null ? now : request.openedAt());
        facts.notInTheFuture("openedAt", openedAt, now);
        withinRetention(openedAt, now);
        String ticketId = TicketIds.ticketId(request.source(), request.externalId());
        String eventId = TicketIds.eventId(ticketId, OPENED, 0);
        if (directory.knows(ticketId)) {
            return new Accepted(ticketId, eventId, Accepted.Outcome.ALREADY_RECORDED);
        }
        // the plan the contract names now, also for a back-dated opening (the directory keeps no history)
        String plan = customerPlans.planOf(request.customerId().trim());
        facts.termsAt(plan, openedAt); // refuses a ticket opened before its terms took effect
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
                .setPlan(plan)
                .build();
        facts.publishOpening(eventId, ticketId, request.customerId().trim(), now, opened);
        meters.counter("support.tickets.opened", "severity", Integer.toString(request.severity()),
                "channel", request.channel().name()).increment();
        return new Accepted(ticketId, eventId, Accepted.Outcome.PUBLISHED);
    }

    public Accepted recordFirstResponse(String ticketId, TicketRequests.FirstResponse request) {
        return directory.change(ticketId, request, this::recordFirstResponse);
    }

    private Accepted recordFirstResponse(String ticketId, TicketSnapshot ticket, TicketRequests.FirstResponse request) {
        Instant now = facts.now();
        Instant respondedAt = facts.factTime("respondedAt", request.respondedAt(), now, ticket);
        String eventId = TicketIds.eventId(ticketId, FIRST_RESPONSE, 0);
        if (ticket.firstResponseRecorded()) {
            return new Accepted(ticketId, eventId, Accepted.Outcome.ALREADY_RECORDED);
        }
        return facts.published(ticketId, ticket, now, eventId, FirstResponseRecorded.newBuilder()
                .setConsultant(request.consultant().trim()).setRespondedAt(respondedAt).build());
    }

    public Accepted changeSeverity(String ticketId, TicketRequests.SeverityChange request) {
        return directory.change(ticketId, request, this::changeSeverity);
    }

    private Accepted changeSeverity(String ticketId, TicketSnapshot ticket, TicketRequests.SeverityChange request) {
        Instant now = facts.now();
        Instant changedAt = facts.factTime("changedAt", request.changedAt(), now, ticket);
        Severity target = severity(request.severity());
        if (target == ticket.severity()) {
            String last = ticket.severityChanges() == 0 ? null
                    : TicketIds.eventId(ticketId, SEVERITY_CHANGED, ticket.severityChanges() - 1);
            return new Accepted(ticketId, last, Accepted.Outcome.ALREADY_RECORDED);
        }
        boolean downgrade = target.ordinal() > ticket.severity().ordinal();
        String code = SeverityReasons.codeFor(request.reason(), downgrade, facts.termsOf(ticket));
        String eventId = TicketIds.eventId(ticketId, SEVERITY_CHANGED, ticket.severityChanges());
        return facts.published(ticketId, ticket, now, eventId, SeverityChanged.newBuilder().setSeverity(target)
                .setReasonCode(code).setReason(SeverityReasons.legacy(code)).setNote(request.note())
                .setChangedAt(changedAt).build());
    }

    public Accepted resolve(String ticketId, TicketRequests.Resolve request) {
        return directory.change(ticketId, request, this::resolve);
    }

    private Accepted resolve(String ticketId, TicketSnapshot ticket, TicketRequests.Resolve request) {
        Instant now = facts.now();
        Instant resolvedAt = facts.factTime("resolvedAt", request.resolvedAt(), now, ticket);
        if (ticket.resolved()) {
            return new Accepted(ticketId, TicketIds.eventId(ticketId, RESOLVED, ticket.resolutions() - 1),
                    Accepted.Outcome.ALREADY_RECORDED);
        }
        return facts.published(ticketId, ticket, now, TicketIds.eventId(ticketId, RESOLVED, ticket.resolutions()),
                TicketResolved.newBuilder().setResolvedAt(resolvedAt).build());
    }

    public Accepted reopen(String ticketId, TicketRequests.Reopen request) {
        return directory.change(ticketId, request, this::reopen);
    }

    private Accepted reopen(String ticketId, TicketSnapshot ticket, TicketRequests.Reopen request) {
        Instant now = facts.now();
        Instant reopenedAt = facts.factTime("reopenedAt", request.reopenedAt(), now, ticket);
        if (!ticket.resolved()) {
            if (ticket.reopenings() > 0) {
                return new Accepted(ticketId, TicketIds.eventId(ticketId, REOPENED, ticket.reopenings() - 1),
                        Accepted.Outcome.ALREADY_RECORDED);
            }
            throw TicketProblems.conflict("Ticket " + ticketId + " is not resolved, so it cannot be reopened.");
        }
        return facts.published(ticketId, ticket, now, TicketIds.eventId(ticketId, REOPENED, ticket.reopenings()),
                TicketReopened.newBuilder().setReopenedAt(reopenedAt).setNote(request.note()).build());
    }

    /** An older opening could be that of a ticket resolved and forgotten since ({@link TicketRetention}). */
    private void withinRetention(Instant openedAt, Instant now) {
        Instant oldest = retention.oldestOpening(now);
        if (openedAt.isBefore(oldest)) {
            throw new InvalidRequestException("openedAt", "must not lie more than " + retention.retention()
                    + " in the past (support.intake.ticket-retention; the oldest accepted now is " + oldest + ")");
        }
    }

    private static Severity severity(int level) {
        return Severity.values()[level - 1];
    }
}
