package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import no.biztek.support.policy.Severity;

/**
 * The durable SLA clock of one ticket: the value of the clock store, keyed by ticketId. Internal state
 * of this service (not a topic contract); see {@link SlaClockSerde} for its stored form.
 *
 * @param ticketId         the ticket
 * @param customerId       its customer
 * @param policyVersion    id of the policy version in force when the ticket was opened
 * @param severity         the severity the clock measures
 * @param openedAt         when the ticket was opened
 * @param dueAt            the first-response deadline under {@code severity}
 * @param state            where the clock stands
 * @param respondedAt      the first response, if recorded (also after a breach)
 * @param respondedBy      the consultant of that response (null when none, or stored before it was kept)
 * @param verdictAt        when the clock reached MET, BREACHED or STOPPED; null while RUNNING
 * @param resolvedAt       when the ticket was resolved, null while it is not (again) resolved
 * @param warnedThresholds warning thresholds (percent) already emitted, ascending
 * @param timerAt          the instant of this clock's one entry in the timer index, null for none
 * @param seenEventIds     ids of the ticket events already applied (newest last, bounded), for deduplication
 */
public record SlaClock(String ticketId, String customerId, String policyVersion, Severity severity,
                       Instant openedAt, Instant dueAt, ClockState state, Instant respondedAt, String respondedBy,
                       Instant verdictAt,
                       Instant resolvedAt, List<Integer> warnedThresholds, Instant timerAt,
                       List<String> seenEventIds) {

    /** How many applied event ids a clock remembers; a ticket rarely has more events than this. */
    static final int SEEN_EVENT_IDS = 64;

    public SlaClock {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(state, "state");
        warnedThresholds = List.copyOf(warnedThresholds);
        seenEventIds = List.copyOf(seenEventIds);
    }

    public boolean hasSeen(String eventId) {
        return seenEventIds.contains(eventId);
    }

    public boolean isRunning() {
        return state == ClockState.RUNNING;
    }

    Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes one clock into the next; only the rules build clocks. */
    static final class Builder {
        private final String ticketId;
        private final String customerId;
        private final String policyVersion;
        private Severity severity;
        private final Instant openedAt;
        private Instant dueAt;
        private ClockState state;
        private Instant respondedAt;
        private String respondedBy;
        private Instant verdictAt;
        private Instant resolvedAt;
        private final List<Integer> warnedThresholds;
        private Instant timerAt;
        private final List<String> seenEventIds;

        private Builder(SlaClock clock) {
            ticketId = clock.ticketId;
            customerId = clock.customerId;
            policyVersion = clock.policyVersion;
            severity = clock.severity;
            openedAt = clock.openedAt;
            dueAt = clock.dueAt;
            state = clock.state;
            respondedAt = clock.respondedAt;
            respondedBy = clock.respondedBy;
            verdictAt = clock.verdictAt;
            resolvedAt = clock.resolvedAt;
            warnedThresholds = new ArrayList<>(clock.warnedThresholds);
            timerAt = clock.timerAt;
            seenEventIds = new ArrayList<>(clock.seenEventIds);
        }

        ClockState state() {
            return state;
        }

        Instant dueAt() {
            return dueAt;
        }

        Severity severity() {
            return severity;
        }

        boolean hasWarned(int threshold) {
            return warnedThresholds.contains(threshold);
        }

        Builder severity(Severity value) {
            severity = value;
            return this;
        }

        Builder dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        Builder state(ClockState value) {
            state = value;
            return this;
        }

        Builder responded(Instant at, String consultant) {
            respondedAt = at;
            respondedBy = consultant;
            return this;
        }

        Builder verdictAt(Instant value) {
            verdictAt = value;
            return this;
        }

        Builder resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        Builder markWarned(int threshold) {
            if (!warnedThresholds.contains(threshold)) {
                warnedThresholds.add(threshold);
                warnedThresholds.sort(null);
            }
            return this;
        }

        Builder timerAt(Instant value) {
            timerAt = value;
            return this;
        }

        Builder seen(String eventId) {
            if (!seenEventIds.contains(eventId)) {
                seenEventIds.add(eventId);
                while (seenEventIds.size() > SEEN_EVENT_IDS) {
                    seenEventIds.remove(0);
                }
            }
            return this;
        }

        SlaClock build() {
            return new SlaClock(ticketId, customerId, policyVersion, severity, openedAt, dueAt, state, respondedAt,
                    respondedBy, verdictAt, resolvedAt, warnedThresholds, timerAt, seenEventIds);
        }
    }

    /** A new running clock. */
    static SlaClock started(String ticketId, String customerId, String policyVersion, Severity severity,
                            Instant openedAt, Instant dueAt, String openedEventId) {
        return new SlaClock(ticketId, customerId, policyVersion, severity, openedAt, dueAt, ClockState.RUNNING,
                null, null, null, null, List.of(), null, List.of(openedEventId));
    }
}
