package no.biztek.support.escalation.vendor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import no.biztek.support.escalation.billing.BillingCalculator;
import no.biztek.support.escalation.view.Expiry;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;

/**
 * Every vendor escalation as this instance has read it from {@code support.escalation-events.v1}: what
 * the API validates against (open or closed, the consultants' entries) and lists. Folding is idempotent
 * by event and entry id, so a duplicate event changes nothing.
 *
 * <p>Bounded: a closed escalation is forgotten {@code closed-retention} after its last activity (its close, or the
 * end of its latest time entry when that is later), by the events' own times against the injected clock, so a view
 * rebuilt at start-up forgets the same ones. A forgotten escalation is unknown (404); its events stay in the topic.
 * Open escalations are kept however old.
 */
@Component
public class VendorEscalationBook implements TopicFollower.View<EscalationEvent> {

    /** A status change reported by the vendor. */
    public record StatusChange(String eventId, String status, String message, Instant at) {
    }

    /** A consultant's time entry. */
    public record TimeEntry(String entryId, String consultant, Instant startedAt, Instant endedAt, String note,
                            Instant recordedAt) {

        boolean overlaps(Instant start, Instant end) {
            return start.isBefore(endedAt) && startedAt.isBefore(end);
        }
    }

    /** A vendor escalation as the API shows it. */
    public record Escalation(String escalationId, String ticketId, String customerId, Vendor vendor,
                             String vendorService, String vendorCaseReference, String openedBy, Instant openedAt,
                             String status, List<StatusChange> statusChanges, List<TimeEntry> timeEntries,
                             boolean closed, String closedBy, String resolution, Instant closedAt) {

        /** The worked minutes of its entries, by the billing rule (a started minute counts). */
        public long workedMinutes() {
            return timeEntries.stream().mapToLong(e -> BillingCalculator.workedMinutes(e.startedAt(), e.endedAt())).sum();
        }
    }

    private final Map<String, Escalation> escalations = new LinkedHashMap<>();
    private final Expiry<String> forgetting = new Expiry<>();
    private final Clock clock;
    private final Duration closedRetention;

    public VendorEscalationBook(Clock clock, VendorProperties properties) {
        this.clock = clock;
        this.closedRetention = properties.closedRetention();
    }

    /** How long a closed escalation is kept after its last activity. */
    public Duration closedRetention() {
        return closedRetention;
    }

    @Override
    public synchronized void fold(String key, EscalationEvent event) {
        apply(event);
        Object payload = event.getPayload();
        String escalationId = payload instanceof VendorEscalationClosed closed ? closed.getEscalationId()
                : payload instanceof TimeEntryRecorded entry ? entry.getEscalationId() : null;
        Escalation escalation = escalationId == null ? null : escalations.get(escalationId);
        if (escalation != null && escalation.closed()) {
            forgetting.schedule(escalationId, lastActivity(escalation).plus(closedRetention));
        }
        forgetDue();
    }

    /** The close, or the end of its latest time entry when that is later. */
    private static Instant lastActivity(Escalation escalation) {
        Instant last = escalation.closedAt();
        for (TimeEntry entry : escalation.timeEntries()) {
            if (entry.endedAt().isAfter(last)) {
                last = entry.endedAt();
            }
        }
        return last;
    }

    private void forgetDue() {
        forgetting.takeDue(clock.instant()).forEach(escalations::remove);
    }

    private void apply(EscalationEvent event) {
        Object payload = event.getPayload();
        Instant at = event.getOccurredAt();
        if (payload instanceof VendorEscalationOpened opened) {
            escalations.putIfAbsent(opened.getEscalationId(), new Escalation(opened.getEscalationId(),
                    event.getTicketId(), event.getCustomerId(), opened.getVendor(), opened.getVendorService(),
                    opened.getVendorCaseReference(), opened.getOpenedBy(), at, "REPORTED", List.of(), List.of(),
                    false, null, null, null));
        } else if (payload instanceof VendorStatusChanged changed) {
            escalations.computeIfPresent(changed.getEscalationId(), (id, e) ->
                    e.statusChanges().stream().anyMatch(c -> c.eventId().equals(event.getEventId())) ? e
                            : withStatus(e, new StatusChange(event.getEventId(), changed.getStatus().name(),
                            changed.getMessage(), at)));
        } else if (payload instanceof TimeEntryRecorded entry) {
            escalations.computeIfPresent(entry.getEscalationId(), (id, e) -> withEntry(e, new TimeEntry(
                    entry.getEntryId(), entry.getConsultant(), entry.getStartedAt(), entry.getEndedAt(),
                    entry.getNote(), at)));
        } else if (payload instanceof VendorEscalationClosed closed) {
            escalations.computeIfPresent(closed.getEscalationId(), (id, e) -> e.closed() ? e : new Escalation(
                    e.escalationId(), e.ticketId(), e.customerId(), e.vendor(), e.vendorService(),
                    e.vendorCaseReference(), e.openedBy(), e.openedAt(), e.status(), e.statusChanges(),
                    e.timeEntries(), true, closed.getClosedBy(), closed.getResolution(), at));
        }
    }

    private static Escalation withStatus(Escalation e, StatusChange change) {
        List<StatusChange> changes = new ArrayList<>(e.statusChanges());
        changes.add(change);
        return new Escalation(e.escalationId(), e.ticketId(), e.customerId(), e.vendor(), e.vendorService(),
                e.vendorCaseReference(), e.openedBy(), e.openedAt(), change.status(), List.copyOf(changes),
                e.timeEntries(), e.closed(), e.closedBy(), e.resolution(), e.closedAt());
    }

    private static Escalation withEntry(Escalation e, TimeEntry entry) {
        if (e.timeEntries().stream().anyMatch(t -> t.entryId().equals(entry.entryId()))) {
            return e;
        }
        List<TimeEntry> entries = new ArrayList<>(e.timeEntries());
        entries.add(entry);
        entries.sort(Comparator.comparing(TimeEntry::startedAt));
        return new Escalation(e.escalationId(), e.ticketId(), e.customerId(), e.vendor(), e.vendorService(),
                e.vendorCaseReference(), e.openedBy(), e.openedAt(), e.status(), e.statusChanges(),
                List.copyOf(entries), e.closed(), e.closedBy(), e.resolution(), e.closedAt());
    }

    public synchronized Optional<Escalation> find(String escalationId) {
        forgetDue();
        return Optional.ofNullable(escalations.get(escalationId));
    }

    /** Escalations, open ones only or all, latest first (then by id). */
    public synchronized List<Escalation> list(Boolean closed) {
        forgetDue();
        return escalations.values().stream().filter(e -> closed == null || e.closed() == closed)
                .sorted(Comparator.comparing(Escalation::openedAt).reversed()
                        .thenComparing(Escalation::escalationId)).toList();
    }

    /** The entries of a consultant (any escalation still kept) that overlap the period. */
    public synchronized List<Overlap> overlapping(String consultant, Instant start, Instant end) {
        forgetDue();
        List<Overlap> found = new ArrayList<>();
        for (Escalation e : escalations.values()) {
            for (TimeEntry entry : e.timeEntries()) {
                if (entry.consultant().trim().equalsIgnoreCase(consultant.trim()) && entry.overlaps(start, end)) {
                    found.add(new Overlap(e.escalationId(), entry));
                }
            }
        }
        return found;
    }

    /** An existing entry a new one would overlap. */
    public record Overlap(String escalationId, TimeEntry entry) {
    }

    public synchronized long openCount(Vendor vendor) {
        return escalations.values().stream().filter(e -> !e.closed() && e.vendor() == vendor).count();
    }
}
