package no.biztek.support.notification.cadence;

import java.time.Duration;
import java.time.Instant;

import no.biztek.support.policy.SlaPolicy;

/**
 * The keep-informed promise (SPEC §2): while a vendor escalation is open the customer hears from us at
 * least every {@code keepInformedCadence} of business time. The next reminder is due that much business
 * time after the last mail (BusinessCalendar.plusBusinessTime), so it always falls inside opening hours.
 */
public final class KeepInformed {

    private KeepInformed() {
    }

    public static Instant reminderDue(SlaPolicy policy, Instant lastMail) {
        return policy.calendar().plusBusinessTime(lastMail, policy.keepInformedCadence());
    }

    /** The later of two due times (a reminder is never brought forward by an older mail). */
    public static Instant later(Instant current, Instant candidate) {
        if (current == null) {
            return candidate;
        }
        return candidate.isAfter(current) ? candidate : current;
    }

    public static Duration cadence(SlaPolicy policy) {
        return policy.keepInformedCadence();
    }
}
