package no.biztek.support.intake.ticket;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import no.biztek.support.intake.config.IntakeProperties;

/**
 * How long intake remembers a resolved ticket ({@code support.intake.ticket-retention}, measured from the
 * resolution's own time): after that it is forgotten, so the directory holds the open tickets and those resolved
 * within the retention, not the topic's whole history. Two rules follow from it:
 * <ul>
 * <li>a forgotten ticket can no longer be changed (404): it can be neither told from one never opened nor
 * numbered correctly;</li>
 * <li>an opening may lie no further back than the retention: a forgotten ticket was opened before its
 * resolution, so it was opened longer ago than that, and its opening delivered again (a replayed queue, a
 * re-read topic) is refused instead of starting a second SLA clock, already breached.</li>
 * </ul>
 */
@Component
class TicketRetention {

    private final Duration retention;
    private final Duration sweepGrace;

    @Autowired
    TicketRetention(IntakeProperties properties) {
        this(properties.ticketRetention(), properties.maxClockSkew());
    }

    /**
     * @param sweepGrace how much longer a forgotten ticket stays in memory, so that a change another instance
     *                   (whose clock may lag by up to this) accepted just before the end is not folded into nothing
     */
    TicketRetention(Duration retention, Duration sweepGrace) {
        this.retention = retention;
        this.sweepGrace = sweepGrace;
    }

    Duration retention() {
        return retention;
    }

    /** Whether the ticket is forgotten at {@code now}: resolved, and longer ago than the retention. */
    boolean forgotten(TicketSnapshot ticket, Instant now) {
        return ticket.resolved() && ticket.resolvedAt().plus(retention).isBefore(now);
    }

    /** Whether the ticket may leave memory at {@code now}: forgotten since longer than the grace. */
    boolean removable(TicketSnapshot ticket, Instant now) {
        return ticket.resolved() && ticket.resolvedAt().plus(retention).plus(sweepGrace).isBefore(now);
    }

    /** The earliest opening intake accepts at {@code now}. */
    Instant oldestOpening(Instant now) {
        return now.minus(retention);
    }
}
