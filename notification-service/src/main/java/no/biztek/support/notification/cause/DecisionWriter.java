package no.biztek.support.notification.cause;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a decision: the audit ledger first (it reads the audit store, which may fail, so before anything else is
 * written or produced), then the ticket's data, the mail commands, and last the cause as told. A spent timer needs
 * nothing: it left the index when it fell due (CauseSweep puts it back should its decision fail).
 */
final class DecisionWriter {

    private static final Logger log = LoggerFactory.getLogger(DecisionWriter.class);

    private final AuditLedger ledger;
    private final TicketStores stores;
    private final Outbox outbox;
    private final SeenCauses seen;
    private final Duration awaitingGrace;

    DecisionWriter(AuditLedger ledger, TicketStores stores, Outbox outbox, SeenCauses seen, Duration awaitingGrace) {
        this.ledger = ledger;
        this.stores = stores;
        this.outbox = outbox;
        this.seen = seen;
        this.awaitingGrace = awaitingGrace;
    }

    void apply(Decision decision, Instant now) {
        ledger.write(decision);
        stores.write(decision);
        if (decision.parked() != null) {
            log.info("Ticket {}: notification {} waits for {} (at most {})", decision.ticketId(),
                    decision.parked().parked().draft().notificationId(), decision.parked().waitingFor(), awaitingGrace);
        }
        decision.mails().forEach(mail -> outbox.send(mail, now));
        // the last write: should anything above fail, the input is dead-lettered (or the timer is due again) without the
        // cause being marked as told, so that replaying it once the fault is fixed tells it
        if (decision.told() != null) {
            seen.remember(decision.told(), now);
        }
    }
}
