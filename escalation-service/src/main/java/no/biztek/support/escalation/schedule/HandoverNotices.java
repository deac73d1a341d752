package no.biztek.support.escalation.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.delivery.HandoverDelivery;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PagingProperties;

/**
 * Every {@code handoff.check-interval} (by wall clock; what is due is decided by the injected {@link Clock}): the
 * gap metric is recomputed, and each hand-over (level 1 changes person: a weekly handover, an override starting or
 * ending) since the last check is told to the incoming engineer with the open pages of the page board — by the
 * instance whose claim came first ({@link HandoverClaims}), at most once per hand-over per instance. A starting
 * instance looks back {@code handoff.catch-up} for a hand-over nobody told (while every instance was down).
 */
final class HandoverNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HandoverNotices.class);

    private final ScheduleChanges schedule;
    private final List<PagingProperties.Level> levels;
    private final PageBoard board;
    private final HandoverDelivery delivery;
    private final HandoverClaims claims;
    private final GapGauge gaps;
    private final ScheduleProperties.Handoff settings;
    private final Clock clock;
    private final Set<Instant> told = new HashSet<>();
    private Instant checkedUpTo;
    private ScheduledExecutorService executor;

    HandoverNotices(ScheduleChanges schedule, List<PagingProperties.Level> levels, PageBoard board,
                    HandoverDelivery delivery, HandoverClaims claims, GapGauge gaps,
                    ScheduleProperties.Handoff settings, Clock clock) {
        this.schedule = schedule;
        this.levels = List.copyOf(levels);
        this.board = board;
        this.delivery = delivery;
        this.claims = claims;
        this.gaps = gaps;
        this.settings = settings;
        this.clock = clock;
    }

    /** One check; runs on the notices' thread (tests call it directly). */
    synchronized void check() {
        Instant now = clock.instant();
        gaps.recompute();
        if (!settings.enabled()) {
            return;
        }
        // the last check's instant again (an override made "from now" in the same millisecond); told ones are skipped
        Instant after = (checkedUpTo == null ? now.minus(settings.catchUp()) : checkedUpTo).minusMillis(1);
        if (!now.isAfter(after)) {
            return;
        }
        for (Handovers.Handover handover : Handovers.between(Shifts.of(schedule.state(), levels), after, now)) {
            if (told.contains(handover.at())) {
                continue;
            }
            // throws when Kafka does not answer: checkedUpTo stays, the next check tries again
            if (claims.claim(handover.at(), handover.incoming().email())) {
                tell(handover);
            }
            told.add(handover.at());
        }
        told.removeIf(at -> at.isBefore(after));
        checkedUpTo = now;
    }

    private void tell(Handovers.Handover handover) {
        String eventId = Ids.eventId("hand-over|" + handover.at(), handover.incoming().email());
        boolean delivered = delivery.deliver(new HandoverDelivery.Handover(eventId, handover.incoming(),
                handover.levelName(), handover.at(), handover.until(), board.list(PageBoard.State.OPEN)));
        if (delivered) {
            log.info("Told the incoming on-call engineer of the hand-over at {}", handover.at());
        } else {
            log.warn("Could not tell the incoming on-call engineer of the hand-over at {} on any channel", handover.at());
        }
    }

    private void safeCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("On-call hand-over check failed, trying again at the next: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "oncall-handover");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.checkInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeCheck, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
