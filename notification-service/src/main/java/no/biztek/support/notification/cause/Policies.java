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

    /** The version in force at the instant (a ticket is measured under the version in force when it was opened). */
    SlaPolicy at(Instant instant) {
        return settings.policyAt(instant);
    }

    /** The version with the id, or the one in force at {@code now} when the id is no longer known. */
    SlaPolicy byId(String id, Instant now) {
        return settings.policies().byId(id).orElseGet(() -> settings.policyAt(now));
    }
}
