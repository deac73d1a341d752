package no.biztek.support.notification.cause;

import java.time.Instant;

import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.policy.SlaPolicy;

/** The policy versions the rules measure by. It never reads the clock: the caller's {@code now} stands in for it. */
final class Policies {

    private final PipelineSettings settings;

    Policies(PipelineSettings settings) {
        this.settings = settings;
    }

    /** The version of the ticket's plan in force when it was opened. */
    SlaPolicy of(TicketInfo ticket) {
        return settings.policyAt(ticket.plan(), ticket.openedAt());
    }

    /** The default plan's version in force at the instant: a ticket not (yet) known is measured by it. */
    SlaPolicy at(Instant instant) {
        return settings.policyAt(instant);
    }

    /**
     * The version with the id (version ids are unique across plans, so it names its plan too), or the default
     * plan's in force at {@code now} when the id is no longer known.
     */
    SlaPolicy byId(String id, Instant now) {
        return settings.plans().versionById(id).orElseGet(() -> settings.policyAt(now));
    }
}
