package no.biztek.support.escalation.paging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.biztek.support.escalation.Ids;
import no.biztek.support.escalation.paging.EscalationPolicy.Assignment;
import no.biztek.support.escalation.paging.EscalationPolicy.Step;
import no.biztek.support.escalation.paging.PageState.Status;
import no.biztek.support.escalation.streams.Decoded;
import no.biztek.support.escalation.streams.Outbound;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.ReEscalationReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.topic.Topics;

/**
 * The pages of all tickets of a partition, their timers, and what paging needs to know of each ticket
 * (key: ticketId).
 *
 * <ul>
 *   <li>A TicketOpened of a severity that pages around the clock (in the policy version in force at
 *       {@code openedAt}) pages level 1 at any hour. A SeverityChanged from a severity that does not page
 *       around the clock to one that does pages level 1 too, judged under the policy version in force when
 *       the ticket was opened (SPEC §2), not when it changed; a resolved ticket is not paged. A change from
 *       such a severity to one that does not (a downgrade from 1) closes the ticket's open pages.</li>
 *   <li>An SlaBreached pages at the level configured for its severity, unless the ticket was answered
 *       (first response) or resolved: the answered marker is kept per ticket and cleared by a TicketReopened.</li>
 *   <li>A ticket has at most one page paging at a time: a trigger while one is paging adds none (the one
 *       paging already escalates). An exhausted page does not block a new trigger.</li>
 *   <li>Each page has one timer in the timer store, indexed by due time. A wall-clock punctuator fires
 *       due timers (at most {@code maxTimersPerPunctuation} each time) by the injected clock: an
 *       acknowledgement timeout moves the page to the next level, or next round, or marks it exhausted.
 *       Timers live in changelogged stores, so they survive restarts and rebalances.</li>
 *   <li>A PageAcknowledged (published by the HTTP API) ends the page; so does a first response or a
 *       resolution of the ticket, or a downgrade from a severity that pages around the clock to one that
 *       does not (closed, with a PageClosed). Ended pages and resolved tickets are forgotten after
 *       {@code endedPageRetention}.</li>
 *   <li>An SlaCorrected that withdraws a breach (BREACH_WITHDRAWN) withdraws the page that breach caused, whether
 *       it still pages, is exhausted, acknowledged or closed, and a PageClosed (CAUSE_WITHDRAWN) names everyone
 *       paged for it, so they all hear of it. Other corrections change no page.</li>
 *   <li>A DELIVERY_FAILED command moves the page on at once, if it is still at that level and round.</li>
 * </ul>
 */
final class PagingProcessor implements Processor<String, Decoded, String, Outbound> {

    static final String PAGES = "pages";
    static final String TIMERS = "page-timers";
    static final String TICKETS = "paging-tickets";

    private static final Logger log = LoggerFactory.getLogger(PagingProcessor.class);
    private static final String ESCALATE = "E";
    private static final String PURGE = "P";
    private static final String PURGE_TICKET = "T";
    private static final StringSerializer KEYS = new StringSerializer();

    private final PolicyHistory policies;
    private final EscalationPolicy escalation;
    private final Map<no.biztek.support.policy.Severity, Integer> breachPaging;
    private final PagingTopology.Settings settings;
    private final Supplier<Instant> clock;
    private final PageEvents events;
    private final PagingMetrics metrics;

    private ProcessorContext<String, Outbound> context;
    private KeyValueStore<String, PageState> pages;
    private KeyValueStore<String, String> timers;
    private KeyValueStore<String, TicketState> tickets;

    PagingProcessor(PolicyHistory policies, EscalationPolicy escalation,
                    Map<no.biztek.support.policy.Severity, Integer> breachPaging, PagingTopology.Settings settings,
                    Supplier<Instant> clock, PagingMetrics metrics) {
        this.policies = policies;
        this.escalation = escalation;
        this.breachPaging = breachPaging;
        this.settings = settings;
        this.clock = clock;
        this.events = new PageEvents(settings.producer());
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Outbound> context) {
        this.context = context;
        this.pages = context.getStateStore(PAGES);
        this.timers = context.getStateStore(TIMERS);
        this.tickets = context.getStateStore(TICKETS);
        context.schedule(settings.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, ignored -> fireDueTimers());
    }

    @Override
    public void process(Record<String, Decoded> record) {
        Object value = record.value().value();
        Instant now = clock.get();
        if (value instanceof TicketEvent ticket) {
            onTicketEvent(ticket, now);
        } else if (value instanceof SlaEvent sla) {
            onSlaEvent(sla, now);
        } else if (value instanceof EscalationEvent escalationEvent
                && escalationEvent.getPayload() instanceof PageAcknowledged ack) {
            onAcknowledged(escalationEvent, ack, tokenName(record.headers()));
        } else if (value instanceof PageCommand command) {
            onCommand(command, now);
        }
    }

    private void onTicketEvent(TicketEvent event, Instant now) {
        String ticketId = event.getTicketId();
        Object payload = event.getPayload();
        TicketState known = tickets.get(ticketId);
        if (payload instanceof TicketOpened opened) {
            if (known == null || known.openedAt() == null) {
                TicketState ticket = TicketState.opened(opened.getOpenedAt(), opened.getSeverity().name());
                tickets.put(ticketId, known == null ? ticket : new TicketState(ticket.openedAt(), ticket.severity(),
                        known.answeredAt(), known.resolved(), known.purgeKey()));
            }
            if (pagesAroundTheClock(policies.inForceAt(opened.getOpenedAt()), opened.getSeverity())) {
                open(ticketId, event.getCustomerId(), opened.getSeverity(), PageCause.CRITICAL_TICKET_OPENED,
                        event.getEventId(), 1, now);
            }
        } else if (payload instanceof SeverityChanged changed) {
            onSeverityChanged(event, changed, known, now);
        } else if (payload instanceof FirstResponseRecorded response) {
            tickets.put(ticketId, (known == null ? TicketState.unknown() : known).answeredAt(response.getRespondedAt()));
            close(ticketId, PageCloseReason.FIRST_RESPONSE, CloseExplanations.firstResponse(response.getConsultant(),
                    response.getRespondedAt(), escalation.zone(), now), now);
        } else if (payload instanceof TicketResolved resolved) {
            TicketState ticket = known == null ? TicketState.unknown() : known;
            if (ticket.purgeKey() != null) {
                timers.delete(ticket.purgeKey());
            }
            String purgeKey = timerKey(now.plus(settings.endedPageRetention()), ticketId, "");
            tickets.put(ticketId, ticket.resolvedAt(resolved.getResolvedAt(), purgeKey));
            timers.put(purgeKey, PURGE_TICKET);
            close(ticketId, PageCloseReason.RESOLVED,
                    CloseExplanations.resolved(resolved.getResolvedAt(), escalation.zone(), now), now);
        } else if (payload instanceof TicketReopened && known != null) {
            if (known.purgeKey() != null) {
                timers.delete(known.purgeKey());
            }
            tickets.put(ticketId, known.reopened());
        }
    }

    /**
     * A severity change is judged under the policy version in force when the ticket was opened (SPEC §2). To a
     * severity that pages around the clock from one that does not: a page (unless resolved). From one that
     * does to one that does not (a downgrade from 1): the ticket's open pages are closed. For a ticket whose
     * opening was never seen (opened before this state existed, or forgotten after its resolution) the
     * version in force at the change is the best there is, and its previous severity is taken from its open
     * pages: a missed page at night is worse than a page judged under the wrong version.
     */
    private void onSeverityChanged(TicketEvent event, SeverityChanged changed, TicketState known, Instant now) {
        String ticketId = event.getTicketId();
        TicketState ticket = known == null ? TicketState.unknown() : known;
        SlaPolicy policy;
        if (ticket.openedAt() != null) {
            policy = policies.inForceAt(ticket.openedAt());
        } else {
            log.warn("Severity of ticket {} changed to {}, but its opening is unknown; judging the change under the "
                    + "policy version in force at {}", ticketId, changed.getSeverity(), changed.getChangedAt());
            policy = policies.inForceAt(changed.getChangedAt());
        }
        boolean before = ticket.severity() != null
                ? pagesAroundTheClock(policy, Severity.valueOf(ticket.severity()))
                : pagesOf(ticketId).stream().anyMatch(p -> p.status().awaitsAcknowledgement()
                        && pagesAroundTheClock(policy, Severity.valueOf(p.severity())));
        boolean after = pagesAroundTheClock(policy, changed.getSeverity());
        tickets.put(ticketId, ticket.withSeverity(changed.getSeverity().name()));
        if (after && !before) {
            if (ticket.resolved()) {
                log.info("Ticket {} is resolved; its change to {} pages nobody", ticketId, changed.getSeverity());
            } else {
                open(ticketId, event.getCustomerId(), changed.getSeverity(), PageCause.OTHER, event.getEventId(), 1, now);
            }
        } else if (before && !after) {
            close(ticketId, PageCloseReason.SEVERITY_DOWNGRADED, CloseExplanations.downgraded(changed.getSeverity()),
                    now);
        }
    }

    private void onSlaEvent(SlaEvent event, Instant now) {
        if (event.getPayload() instanceof SlaCorrected correction) {
            onCorrected(event, correction, now);
        } else if (event.getPayload() instanceof SlaBreached) {
            TicketState ticket = tickets.get(event.getTicketId());
            if (ticket != null && ticket.answered()) {
                log.info("SLA breach of ticket {} ignored: the ticket was {}", event.getTicketId(),
                        ticket.resolved() ? "resolved" : "answered at " + ticket.answeredAt());
                return;
            }
            Integer level = breachPaging.get(no.biztek.support.policy.Severity.valueOf(event.getSeverity().name()));
            if (level != null) {
                open(event.getTicketId(), event.getCustomerId(), event.getSeverity(), PageCause.SLA_BREACHED,
                        event.getEventId(), level, now);
            }
        }
    }

    /**
     * BREACH_WITHDRAWN: the page of the superseded breach (its id derives from that event) is withdrawn, also when
     * it was acknowledged or closed meanwhile (e.g. the late first response reached this topology first): whoever
     * was woken for it must hear that the breach does not stand. No page (the breach paged nobody) or a page
     * already withdrawn (a replay): nothing. Other kinds change no page: after MET_WITHDRAWN the SlaBreached that
     * follows pages by the usual rules; after VERDICT_REVISED the breach, and its page, stand.
     */
    private void onCorrected(SlaEvent event, SlaCorrected correction, Instant now) {
        String ticketId = event.getTicketId();
        String superseded = correction.getSupersededEventId();
        if (correction.getKind() != SlaCorrectionKind.BREACH_WITHDRAWN) {
            log.info("SLA verdict {} of ticket {} corrected ({}, now {}); no page changes", superseded, ticketId,
                    correction.getKind(), correction.getState());
            return;
        }
        String pageId = Ids.pageId(ticketId, PageCause.SLA_BREACHED.name(), superseded);
        String key = pageKey(ticketId, pageId);
        PageState page = pages.get(key);
        if (page == null || page.status() == Status.WITHDRAWN) {
            log.info("Breach {} of ticket {} withdrawn; {}", superseded, ticketId,
                    page == null ? "it paged nobody" : "its page " + pageId + " was withdrawn before");
            return;
        }
        String explanation = CloseExplanations.breachWithdrawn(correction, event.getDueAt(), escalation.zone(), now);
        log.info("Page {} of ticket {} ({}) withdrawn: {}", pageId, ticketId, page.status(), explanation);
        if (page.timerKey() != null) {
            timers.delete(page.timerKey());
        }
        String purgeKey = timerKey(now.plus(settings.endedPageRetention()), ticketId, pageId);
        PageState withdrawn = page.withdrawn(now, explanation, purgeKey);
        pages.put(key, withdrawn);
        timers.put(purgeKey, PURGE);
        emit(ticketId, events.closed(withdrawn, PageCloseReason.CAUSE_WITHDRAWN, explanation, superseded, now), now);
        metrics.withdrawn();
    }

    private static boolean pagesAroundTheClock(SlaPolicy policy, Severity severity) {
        return policy.terms(no.biztek.support.policy.Severity.valueOf(severity.name())).pagesAroundTheClock();
    }

    private void open(String ticketId, String customerId, Severity severity, PageCause cause, String causeEventId,
                      int startLevel, Instant now) {
        String pageId = Ids.pageId(ticketId, cause.name(), causeEventId);
        String key = pageKey(ticketId, pageId);
        if (pages.get(key) != null) {
            return;
        }
        Optional<PageState> paging = pagesOf(ticketId).stream().filter(p -> p.status() == Status.OPEN).findFirst();
        if (paging.isPresent()) {
            log.info("Ticket {} already has page {} paging; {} adds no page", ticketId, paging.get().pageId(), cause);
            return;
        }
        Assignment assignment = escalation.assign(new Step(startLevel, 1), now);
        String timerKey = timerKey(assignment.acknowledgeBy(), ticketId, pageId);
        PageState page = new PageState(pageId, ticketId, customerId, severity.name(), cause.name(), startLevel,
                startLevel, 1, assignment.levelName(), assignment.person().name(), assignment.person().email(),
                now, now, assignment.acknowledgeBy(), Status.OPEN, null, null, null, timerKey,
                List.of(new PageState.Paged(assignment.person().name(), assignment.person().email())), null, null,
                null);
        pages.put(key, page);
        timers.put(timerKey, ESCALATE);
        emit(ticketId, events.paged(page, assignment, now), now);
        metrics.paged(startLevel);
    }

    private void escalate(PageState page, ReEscalationReason reason, Instant now) {
        String key = pageKey(page.ticketId(), page.pageId());
        if (page.timerKey() != null) {
            timers.delete(page.timerKey());
        }
        Optional<Step> next = escalation.next(page.step(), page.startLevel());
        if (next.isEmpty()) {
            log.warn("Page {} of ticket {} exhausted every level and round without an acknowledgement",
                    page.pageId(), page.ticketId());
            pages.put(key, page.ended(Status.EXHAUSTED, null, null, null, now, null));
            return;
        }
        Assignment assignment = escalation.assign(next.get(), now);
        String timerKey = timerKey(assignment.acknowledgeBy(), page.ticketId(), page.pageId());
        pages.put(key, page.assigned(assignment, now, timerKey));
        timers.put(timerKey, ESCALATE);
        emit(page.ticketId(), events.reEscalated(page, assignment, reason, now), now);
        metrics.paged(assignment.step().level());
    }

    /** The API token an acknowledgement was made with ({@link PageEvents#ACKNOWLEDGED_BY_TOKEN_HEADER}), or null. */
    private static String tokenName(Headers headers) {
        Header header = headers.lastHeader(PageEvents.ACKNOWLEDGED_BY_TOKEN_HEADER);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void onAcknowledged(EscalationEvent event, PageAcknowledged ack, String tokenName) {
        String key = pageKey(event.getTicketId(), ack.getPageId());
        PageState page = pages.get(key);
        if (page == null || !page.status().awaitsAcknowledgement()) {
            return;
        }
        Instant at = event.getOccurredAt();
        end(page, Status.ACKNOWLEDGED, ack.getAcknowledgedBy(), ack.getVia().name(), tokenName, at);
        metrics.acknowledged(page.level(), Duration.between(page.pagedAt(), at));
    }

    private void close(String ticketId, PageCloseReason reason, String explanation, Instant now) {
        for (PageState page : pagesOf(ticketId)) {
            if (page.status().awaitsAcknowledgement()) {
                log.info("Page {} of ticket {} closed: {}", page.pageId(), ticketId, explanation);
                PageState closed = end(page, Status.CLOSED, null, null, null, now);
                emit(ticketId, events.closed(closed, reason, explanation, null, now), now);
            }
        }
    }

    private PageState end(PageState page, Status status, String by, String via, String byToken, Instant at) {
        if (page.timerKey() != null) {
            timers.delete(page.timerKey());
        }
        String purgeKey = timerKey(at.plus(settings.endedPageRetention()), page.ticketId(), page.pageId());
        PageState ended = page.ended(status, by, via, byToken, at, purgeKey);
        pages.put(pageKey(page.ticketId(), page.pageId()), ended);
        timers.put(purgeKey, PURGE);
        return ended;
    }

    private void onCommand(PageCommand command, Instant now) {
        PageState page = pages.get(pageKey(command.ticketId(), command.pageId()));
        if (page != null && page.status() == Status.OPEN && page.level() == command.level()
                && page.round() == command.round()) {
            log.warn("Page {} could not be delivered at level {} (round {}): {}; moving on", page.pageId(),
                    page.level(), page.round(), command.reason());
            escalate(page, ReEscalationReason.DELIVERY_FAILED, now);
        }
    }

    private void fireDueTimers() {
        Instant now = clock.get();
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = timers.range(timerPrefix(0), timerPrefix(now.toEpochMilli()) + "|\uffff")) {
            while (it.hasNext() && due.size() < settings.maxTimersPerPunctuation()) {
                due.add(it.next());
            }
        }
        for (KeyValue<String, String> timer : due) {
            timers.delete(timer.key);
            String ticketId = timer.key.substring(timer.key.indexOf('|') + 1, timer.key.lastIndexOf('|'));
            String pageId = timer.key.substring(timer.key.lastIndexOf('|') + 1);
            if (PURGE_TICKET.equals(timer.value)) {
                TicketState ticket = tickets.get(ticketId);
                if (ticket != null && ticket.resolved() && timer.key.equals(ticket.purgeKey())) {
                    tickets.delete(ticketId);
                }
                continue;
            }
            String key = pageKey(ticketId, pageId);
            PageState page = pages.get(key);
            if (page == null || !timer.key.equals(page.timerKey())) {
                continue;
            }
            if (ESCALATE.equals(timer.value) && page.status() == Status.OPEN) {
                escalate(page, ReEscalationReason.ACKNOWLEDGEMENT_TIMEOUT, now);
            } else if (PURGE.equals(timer.value) && !page.status().awaitsAcknowledgement()) {
                pages.delete(key);
            }
        }
    }

    private List<PageState> pagesOf(String ticketId) {
        List<PageState> found = new ArrayList<>();
        try (KeyValueIterator<String, PageState> it = pages.prefixScan(ticketId + "|", KEYS)) {
            it.forEachRemaining(kv -> found.add(kv.value));
        }
        return found;
    }

    private void emit(String ticketId, EscalationEvent event, Instant now) {
        context.forward(new Record<>(ticketId, Outbound.of(Topics.ESCALATION_EVENTS, event), now.toEpochMilli()));
    }

    static String pageKey(String ticketId, String pageId) {
        return ticketId + "|" + pageId;
    }

    static String timerKey(Instant due, String ticketId, String pageId) {
        return timerPrefix(due.toEpochMilli()) + "|" + ticketId + "|" + pageId;
    }

    private static String timerPrefix(long epochMillis) {
        return String.format("%013d", Math.max(0, epochMillis));
    }
}
