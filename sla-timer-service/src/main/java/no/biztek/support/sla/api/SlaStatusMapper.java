package no.biztek.support.sla.api;

import java.time.Clock;

import org.springframework.stereotype.Component;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.sla.clock.ClockReader;
import no.biztek.support.sla.clock.ClockReading;
import no.biztek.support.sla.clock.SlaClock;

/**
 * Turns a stored clock into the SLA status answer: what the ticket's facts say now, so the answer follows
 * the facts (a late response shows MET at once) and a deadline passed moments ago shows BREACHED even
 * before the timer has announced it.
 */
@Component
class SlaStatusMapper {

    private final ClockReader reader;
    private final Clock clock;

    SlaStatusMapper(PolicyHistory policies, Clock clock) {
        this.reader = new ClockReader(policies);
        this.clock = clock;
    }

    SlaStatusResponse toResponse(SlaClock sla) {
        ClockReading reading = reader.read(sla, clock.instant());
        return new SlaStatusResponse(sla.ticketId(), sla.customerId(), reading.severity().level(), sla.policyVersion(),
                sla.openedAt(), reading.dueAt(), reading.state().name(), reading.respondedAt(),
                reading.businessMinutesUsed());
    }
}
