package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.delivery.HandoverDelivery;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PagingProperties;

/**
 * Every {@code handoff.check-interval} (by wall clock; what is due is decided by the injected {@link Clock}): the
 * gap metric is recomputed, and each hand-over (level 1 changes person: a weekly handover, an override starting or
 * ending) since the last check is told to the incoming engineer with the open pages of the page board — by the
 * instance whose claim came first ({@link HandoverClaims}), at most once per hand-over per instance. A starting
 * instance looks back {@code handoff.catch-up} for a hand-over nobody told (while every instance was down), and no
 * check looks further back; claims of hand-overs before that window are removed at every check.
 */
final class HandoverNotices {

    private static final Logger log = LoggerFactory.getLogger(HandoverNotices.class);

    /** Whether this instance is the one to tell the hand-over at the instant to the engineer (throws: Kafka down). */
    @FunctionalInterface
    interface Claim {
        boolean claim(Instant handoverAt, String incomingEmail);
    }

    /** Removes a hand-over claim (throws: Kafka down). */
    @FunctionalInterface
    interface Forget {
        void forget(String claimKey);
    }

    private final Supplier<ScheduleState> schedule;
    private final List<PagingProperties.Level> levels;
    private final Supplier<List<PageBoard.Page>> openPages;
    private final Predicate<HandoverDelivery.Handover> delivery;
    private final Claim claims;
    private final Forget forget;
    private final Runnable recomputeGaps;
    private final ScheduleProperties.Handoff settings;
    private final Clock clock;
    private final Set<Instant> told = new HashSet<>();
    private Instant checkedUpTo;

    /**
     * @param openPages     the page board's open pages
     * @param delivery      tells a hand-over; true when a channel took it
     * @param forget        removes a claim older than the catch-up window
     * @param recomputeGaps recomputes the gap metric
     */
    HandoverNotices(Supplier<ScheduleState> schedule, List<PagingProperties.Level> levels,
                    Supplier<List<PageBoard.Page>> openPages, Predicate<HandoverDelivery.Handover> delivery,
                    Claim claims, Forget forget, Runnable recomputeGaps, ScheduleProperties.Handoff settings,
                    Clock clock) {
        this.schedule = schedule;
        this.levels = List.copyOf(levels);
        this.openPages = openPages;
        this.delivery = delivery;
        this.claims = claims;
        this.forget = forget;
        this.recomputeGaps = recomputeGaps;
        this.settings = settings;
        this.clock = clock;
    }

    /** One check; runs on the notices' thread (tests call it directly). */
    synchronized void check() {
        Instant now = clock.instant();
        recomputeGaps.run();
        if (settings.enabled()) {
            tellHandovers(now);
        }
        // claims no check looks at any more (before the catch-up window); throws when Kafka does not answer
        for (String key : HandoverClaims.expired(schedule.get().handoverClaims(), now.minus(settings.catchUp()))) {
            forget.forget(key);
        }
    }

    private void tellHandovers(Instant now) {
        // the last check's instant again (an override made "from now" in the same millisecond); told ones are
        // skipped; never before the catch-up window, whose claims may have been removed (told by then, or never)
        Instant earliest = now.minus(settings.catchUp()).minusMillis(1);
        Instant after = checkedUpTo == null ? earliest : checkedUpTo.minusMillis(1);
        if (after.isBefore(earliest)) {
            after = earliest;
        }
        if (!now.isAfter(after)) {
            return;
        }
        for (Handovers.Handover handover : Handovers.between(Shifts.of(schedule.get(), levels), after, now)) {
            if (told.contains(handover.at())) {
                continue;
            }
            // throws when Kafka does not answer: checkedUpTo stays, the next check tries again
            if (claims.claim(handover.at(), handover.incoming().email())) {
                tell(handover);
            }
            told.add(handover.at());
        }
        Instant since = after;
        told.removeIf(at -> at.isBefore(since));
        checkedUpTo = now;
    }

    private void tell(Handovers.Handover handover) {
        String eventId = Ids.eventId("hand-over|" + handover.at(), handover.incoming().email());
        boolean delivered = delivery.test(new HandoverDelivery.Handover(eventId, handover.incoming(),
                handover.levelName(), handover.at(), handover.until(), openPages.get()));
        if (delivered) {
            log.info("Told the incoming on-call engineer of the hand-over at {}", handover.at());
        } else {
            log.warn("Could not tell the incoming on-call engineer of the hand-over at {} on any channel", handover.at());
        }
    }
}
