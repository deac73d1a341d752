package no.biztek.support.escalation.board;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import no.biztek.support.escalation.view.Expiry;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * Every running SLA clock (from {@code support.sla-events.v1}), per ticket and metric, as {@link BoardRules} folds
 * the SLA timer's events, less those the ticket's own facts have ended ({@link TicketProgress}, from
 * {@code support.ticket-events.v1}: a breached clock gets no SLA event when the ticket is answered or resolved).
 * Bounded: only clocks that have not ended are kept, and a clock or ticket without any event for
 * {@code board.stale-clock-retention} (its events' own times against the injected clock) is forgotten. Tells its
 * listeners which ticket changed; they run on the follower's thread and must only take note.
 */
public final class BoardView implements TopicFollower.View<SlaEvent> {

    private final Map<String, BoardClock> clocks = new HashMap<>();
    private final Map<String, Set<String>> byTicket = new HashMap<>();
    private final Expiry<String> forgetting = new Expiry<>();
    private final TicketProgress progress = new TicketProgress();
    private final Expiry<String> forgettingTickets = new Expiry<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration retention;

    BoardView(Clock clock, Duration retention) {
        this.clock = clock;
        this.retention = retention;
    }

    /** Called with a ticket id after its clocks changed (on the follower's thread). */
    void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    @Override
    public void fold(String key, SlaEvent event) {
        List<String> forgotten;
        synchronized (this) {
            String id = BoardClock.id(event.getTicketId(), event.getMetric());
            BoardClock next = BoardRules.next(clocks.get(id), event);
            if (next == null) {
                remove(id, event.getTicketId());
            } else {
                clocks.put(id, next);
                byTicket.computeIfAbsent(event.getTicketId(), t -> new LinkedHashSet<>()).add(id);
                forgetting.schedule(id, next.asOf().plus(retention));
            }
            forgotten = forgetDue();
        }
        listeners.forEach(l -> l.accept(event.getTicketId()));
        forgotten.forEach(ticket -> listeners.forEach(l -> l.accept(ticket)));
    }

    /**
     * The view of the ticket topic: a ticket's answer, resolution or reopening; any ticket event also tells the
     * listeners (the ticket's title may be known now).
     */
    public TopicFollower.View<TicketEvent> tickets() {
        return (key, event) -> {
            synchronized (this) {
                Instant newest = progress.fold(event);
                if (newest != null) {
                    forgettingTickets.schedule(event.getTicketId(), newest.plus(retention));
                }
            }
            listeners.forEach(l -> l.accept(event.getTicketId()));
        };
    }

    /** The ticket's clocks on the board. */
    synchronized List<BoardClock> of(String ticketId) {
        return byTicket.getOrDefault(ticketId, Set.of()).stream().map(clocks::get).filter(this::shown).toList();
    }

    /** Every clock on the board. */
    synchronized List<BoardClock> all() {
        forgetDue();
        return clocks.values().stream().filter(this::shown).toList();
    }

    private boolean shown(BoardClock clock) {
        return !progress.ended(clock.ticketId(), clock.metric());
    }

    /** Forgets stale clocks; the tickets whose clocks were forgotten. */
    synchronized List<String> forgetDue() {
        List<String> tickets = new ArrayList<>();
        for (String id : forgetting.takeDue(clock.instant())) {
            BoardClock gone = clocks.get(id);
            if (gone != null) {
                remove(id, gone.ticketId());
                tickets.add(gone.ticketId());
            }
        }
        for (String ticketId : forgettingTickets.takeDue(clock.instant())) {
            progress.forget(ticketId);
            tickets.add(ticketId);
        }
        return tickets;
    }

    private void remove(String id, String ticketId) {
        clocks.remove(id);
        forgetting.cancel(id);
        Set<String> ids = byTicket.get(ticketId);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                byTicket.remove(ticketId);
            }
        }
    }
}
