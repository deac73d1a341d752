package no.biztek.support.sla.clock;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import no.biztek.support.policy.Metric;

/**
 * The durable SLA clocks of one ticket: the value of the clock store, keyed by ticketId. Internal state of this
 * service (not a topic contract); see {@link SlaClockSerde} for its stored form. It keeps the ticket's facts (what
 * every metric's state is a function of) and, per metric, what its events announced and its one entry in the timer
 * index: first response always, resolution when the ticket's policy version sets resolution targets.
 *
 * @param ticketId      the ticket
 * @param customerId    its customer
 * @param policyVersion id of the policy version in force when the ticket was opened
 * @param facts         the ticket's facts, in event-time order
 * @param announced     what the first-response clock's SLA events announced so far
 * @param timerAt       the instant of the first-response clock's entry in the timer index, null for none
 * @param resolution    the resolution clock, null when the ticket's terms set no resolution target
 */
public record SlaClock(String ticketId, String customerId, String policyVersion, TicketFacts facts,
                       Announcement announced, Instant timerAt, MetricClock resolution) {

    /** Facts kept per ticket; a ticket with more is refused further facts (they go to the dead-letter topic). */
    static final int MAX_FACTS = 200;

    public SlaClock {
        Objects.requireNonNull(ticketId, "ticketId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(announced, "announced");
    }

    /** A clock measuring first response only. */
    public SlaClock(String ticketId, String customerId, String policyVersion, TicketFacts facts,
                    Announcement announced, Instant timerAt) {
        this(ticketId, customerId, policyVersion, facts, announced, timerAt, null);
    }

    public Instant openedAt() {
        return facts.opened().at();
    }

    /** Whether the events of any of its metrics last announced a running clock (it counts as an open clock). */
    public boolean isRunning() {
        return announced.isRunning() || resolution != null && resolution.isRunning();
    }

    /** The metrics this clock measures, first response first. */
    public List<Metric> metrics() {
        return resolution == null ? List.of(Metric.FIRST_RESPONSE) : List.of(Metric.FIRST_RESPONSE, Metric.RESOLUTION);
    }

    /** The metric's clock, null when it is not measured. */
    public MetricClock metric(Metric metric) {
        return metric == Metric.FIRST_RESPONSE ? new MetricClock(announced, timerAt) : resolution;
    }

    SlaClock with(TicketFacts newFacts, Announcement newAnnouncement, Instant newTimerAt) {
        return new SlaClock(ticketId, customerId, policyVersion, newFacts, newAnnouncement, newTimerAt, resolution);
    }

    SlaClock with(TicketFacts newFacts) {
        return new SlaClock(ticketId, customerId, policyVersion, newFacts, announced, timerAt, resolution);
    }

    SlaClock with(Metric metric, MetricClock clock) {
        return metric == Metric.FIRST_RESPONSE
                ? new SlaClock(ticketId, customerId, policyVersion, facts, clock.announced(), clock.timerAt(),
                        resolution)
                : new SlaClock(ticketId, customerId, policyVersion, facts, announced, timerAt, clock);
    }

    SlaClock withTimerAt(Instant newTimerAt) {
        return new SlaClock(ticketId, customerId, policyVersion, facts, announced, newTimerAt, resolution);
    }

    SlaClock withTimerAt(Metric metric, Instant newTimerAt) {
        MetricClock clock = metric(metric);
        return with(metric, new MetricClock(clock.announced(), newTimerAt));
    }
}
