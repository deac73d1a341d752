package no.biztek.support.notification.cause;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket stage's wall-clock work, at every check interval: fires the keep-informed reminders that are due, looks
 * again at the notifications that wait (at most {@value #MAX_PER_RUN} of each per run), and forgets causes told
 * longer ago than the dedup retention. A failure ends the run; the next one does what it left: the due timers taken
 * from the index and not handled yet go back into it, so a reminder is never lost to a failure.
 */
final class CauseSweep {

    static final int MAX_PER_RUN = 1000;

    private static final Logger log = LoggerFactory.getLogger(CauseSweep.class);

    private final Clock clock;
    private final StageRules rules;
    private final TicketStores stores;
    private final SeenCauses seen;
    private final DecisionWriter writer;
    private final Duration awaitingGrace;

    CauseSweep(Clock clock, StageRules rules, TicketStores stores, SeenCauses seen, DecisionWriter writer,
               Duration awaitingGrace) {
        this.clock = clock;
        this.rules = rules;
        this.stores = stores;
        this.seen = seen;
        this.writer = writer;
        this.awaitingGrace = awaitingGrace;
    }

    void run() {
        Instant now = clock.instant();
        fireDueReminders(now);
        recheckWaiting(now);
        seen.purge(now);
    }

    private void fireDueReminders(Instant now) {
        List<ReminderTimer> due = stores.takeDueTimers(now, MAX_PER_RUN);
        for (int i = 0; i < due.size(); i++) {
            try {
                fire(due.get(i), now);
            } catch (RuntimeException e) {
                stores.reschedule(due.subList(i, due.size()));
                throw e;
            }
        }
    }

    private void fire(ReminderTimer timer, Instant now) {
        EscalationState state = stores.escalation(timer.escalationKey());
        TicketSnapshot snapshot = state == null ? null : stores.read(state.ticketId());
        boolean told = seen.contains(rules.causes().reminderCause(timer));
        Decision decision = rules.causes().remind(timer, snapshot, told, now);
        if (decision.outcome() == Decision.Outcome.REMINDED) {
            log.info("Ticket {}: the customer has heard nothing about escalation {} since the reminder due {}; "
                    + "sending a still-working update", state.ticketId(), state.escalationId(), timer.dueAt());
        }
        writer.apply(decision, now);
    }

    /** Notifications waiting for their ticket or customer: sent once known, or given up or narrowed after the grace. */
    private void recheckWaiting(Instant now) {
        int handled = 0;
        for (Waiting waiting : TellingRules.inDecisionOrder(stores.allWaiting())) {
            if (handled >= MAX_PER_RUN) {
                return;
            }
            TicketSnapshot snapshot = stores.read(waiting.draft().ticketId());
            Decision decision = rules.telling().recheck(waiting, snapshot, now);
            switch (decision.outcome()) {
                case STILL_WAITING -> {
                    continue;
                }
                case WITHHELD -> log.warn("Ticket {} is still unknown after {}; notification {} is not sent to the"
                        + " customer named by the escalation event ({}), which nothing verifies, and is reported as"
                        + " failed", waiting.draft().ticketId(), awaitingGrace, waiting.draft().notificationId(),
                        waiting.draft().customerId());
                case REQUESTER_ONLY -> log.warn("Customer {} is still not in the directory after {}; notifying the"
                        + " ticket's requester only, in the default language", snapshot.ticket().customerId(),
                        awaitingGrace);
                default -> {
                }
            }
            writer.apply(decision, now);
            handled++;
        }
    }
}
