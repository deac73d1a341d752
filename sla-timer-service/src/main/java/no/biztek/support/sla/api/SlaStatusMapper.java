package no.biztek.support.sla.api;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.sla.clock.ClockState;
import no.biztek.support.sla.clock.SlaClock;

/** Turns a stored clock into the SLA status answer, measuring elapsed business time under the clock's policy. */
@Component
class SlaStatusMapper {

    private final PolicyHistory policies;
    private final Clock clock;

    SlaStatusMapper(PolicyHistory policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    SlaStatusResponse toResponse(SlaClock sla) {
        SlaPolicy policy = policies.byId(sla.policyVersion()).orElseGet(() -> policies.inForceAt(sla.openedAt()));
        Instant end = measuredUntil(sla);
        long minutes = Math.max(0, policy.calendar().businessTimeBetween(sla.openedAt(), end).toMinutes());
        return new SlaStatusResponse(sla.ticketId(), sla.customerId(), sla.severity().level(), sla.policyVersion(),
                sla.openedAt(), sla.dueAt(), sla.state().name(), sla.respondedAt(), minutes);
    }

    private Instant measuredUntil(SlaClock sla) {
        if (sla.state() == ClockState.STOPPED) {
            return sla.verdictAt();
        }
        if (sla.respondedAt() != null) {
            return sla.respondedAt();
        }
        if (sla.resolvedAt() != null) {
            return sla.resolvedAt();
        }
        return clock.instant();
    }
}
