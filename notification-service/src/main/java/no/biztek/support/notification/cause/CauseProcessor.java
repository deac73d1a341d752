package no.biztek.support.notification.cause;

import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;

/**
 * The ticket stage of one task, bound to its stores (the pipeline's InputProcessor decodes the records and
 * dead-letters what fails): reads the ticket's data, asks the rules, applies their decision. The wall-clock work is
 * {@link CauseSweep}'s.
 */
final class CauseProcessor {

    private static final Logger log = LoggerFactory.getLogger(CauseProcessor.class);

    private final PipelineSettings settings;
    private final Clock clock;
    private final StageRules rules;
    private final TicketStores stores;
    private final AuditLedger ledger;
    private final SeenCauses seen;
    private final DecisionWriter writer;
    private final CauseSweep sweep;

    CauseProcessor(ProcessorContext<String, Object> context, PipelineSettings settings, MailComposer composer) {
        this.settings = settings;
        this.clock = settings.clock();
        this.rules = StageRules.of(settings);
        this.stores = new TicketStores(context);
        this.ledger = new AuditLedger(context);
        this.seen = new SeenCauses(context, settings.dedupRetention());
        this.writer = new DecisionWriter(ledger, stores, new Outbox(context, new MailCommands(composer)), seen,
                settings.awaitingGrace());
        this.sweep = new CauseSweep(clock, rules, stores, seen, writer, settings.awaitingGrace());
    }

    void onTicketEvent(TicketEvent event) {
        Instant now = clock.instant();
        if (event.getPayload() instanceof TicketOpened opened && !settings.knowsPlan(opened.getPlan())
                && settings.metrics().unknownPlan(opened.getPlan())) {
            log.warn("Ticket {} is of plan '{}', which the policy file does not have (plans: {}); its customer is kept"
                    + " informed under the default plan, as every ticket of an unknown plan will be (logged once)",
                    event.getTicketId(), opened.getPlan(), settings.plans().planNames());
        }
        TicketSnapshot snapshot = stores.read(event.getTicketId(), TicketRules.namedCustomer(event));
        writer.apply(rules.tickets().decide(event, snapshot, now), now);
    }

    void onEscalationEvent(EscalationEvent event) {
        if (!CauseRules.concernsCustomer(event)) {
            return;
        }
        String cause = event.getEventId();
        Instant now = clock.instant();
        switch (rules.causes().admit(event, seen.contains(cause), now)) {
            case DUPLICATE -> {
                log.info("Cause {} of ticket {} was already told; not telling it again", cause, event.getTicketId());
                return;
            }
            case STALE -> {
                settings.metrics().staleCause();
                log.warn("Cause {} ({}) of ticket {} occurred at {}, longer ago than the maximum cause age {}; not"
                        + " telling it (it may have been told before its dedup memory expired)", cause,
                        event.getPayload().getClass().getSimpleName(), event.getTicketId(), event.getOccurredAt(),
                        settings.maxCauseAge());
                return;
            }
            case NEW -> {
            }
        }
        TicketSnapshot snapshot = stores.read(event.getTicketId());
        if (CauseRules.namesAnotherCustomer(event, snapshot)) {
            log.warn("Escalation event {} names customer {} but ticket {} belongs to customer {}; telling the ticket's"
                    + " customer only", cause, event.getCustomerId(), event.getTicketId(),
                    snapshot.ticket().customerId());
        }
        writer.apply(rules.causes().decide(event, snapshot, now), now);
    }

    /** The sender's outcomes. */
    void onNotificationEvent(NotificationEvent event) {
        Instant now = clock.instant();
        String ticketId = event.getTicketId();
        writer.apply(rules.outcomes().decide(event, ledger.history(ticketId), stores.read(ticketId), now), now);
    }

    void punctuate() {
        sweep.run();
    }
}
