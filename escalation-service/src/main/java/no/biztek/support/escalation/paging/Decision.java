package no.biztek.support.escalation.paging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.event.Level;

import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.schemas.escalation.EscalationEvent;

/**
 * What {@link PagingRules} decided for one input or timer of a ticket; {@link PagingProcessor} applies it as it is:
 * cancels, then sets the timers, stores and forgets the pages and the ticket, forwards the events in order, counts.
 *
 * @param ticketId        the key of the ticket state and of the events
 * @param ticket          the ticket's state to store, null: leave it as it is
 * @param forgetTicket    delete the ticket's state
 * @param pages           pages to store (key {@code ticketId|pageId} of each page)
 * @param purgedPages     pages to delete
 * @param cancelledTimers timers to cancel
 * @param timers          timers to set
 * @param events          escalation events to emit, in order
 * @param counts          what to count in {@link PagingMetrics}
 * @param notes           what to log, and why nothing happened when nothing did
 */
record Decision(String ticketId, TicketState ticket, boolean forgetTicket, List<PageState> pages,
                List<PageState> purgedPages, List<Timer> cancelledTimers, List<Timer> timers,
                List<EscalationEvent> events, List<Count> counts, List<Note> notes) {

    Decision {
        pages = List.copyOf(pages);
        purgedPages = List.copyOf(purgedPages);
        cancelledTimers = List.copyOf(cancelledTimers);
        timers = List.copyOf(timers);
        events = List.copyOf(events);
        counts = List.copyOf(counts);
        notes = List.copyOf(notes);
    }

    /** Nothing changes, and why. */
    static Decision none(String ticketId, Level level, String why) {
        return new Builder(ticketId).note(level, why).build();
    }

    /** Whether the decision changes nothing (it may still log). */
    boolean changesNothing() {
        return ticket == null && !forgetTicket && pages.isEmpty() && purgedPages.isEmpty() && cancelledTimers.isEmpty()
                && timers.isEmpty() && events.isEmpty() && counts.isEmpty();
    }

    /** A metric to count. */
    sealed interface Count {

        void countOn(PagingMetrics metrics);

        /** A page went out at the level (first or re-escalated). */
        record Paged(int level) implements Count {
            @Override
            public void countOn(PagingMetrics metrics) {
                metrics.paged(level);
            }
        }

        /** An open page was acknowledged at the level, {@code sincePaged} after it was first paged. */
        record Acknowledged(int level, Duration sincePaged) implements Count {
            @Override
            public void countOn(PagingMetrics metrics) {
                metrics.acknowledged(level, sincePaged);
            }
        }

        /** A page was withdrawn. */
        record Withdrawn() implements Count {
            @Override
            public void countOn(PagingMetrics metrics) {
                metrics.withdrawn();
            }
        }
    }

    /** A line for the log. */
    record Note(Level level, String text) {
    }

    /** Collects a decision while the rules work through an input. */
    static final class Builder {

        private final String ticketId;
        private TicketState ticket;
        private boolean forgetTicket;
        private final List<PageState> pages = new ArrayList<>();
        private final List<PageState> purgedPages = new ArrayList<>();
        private final List<Timer> cancelledTimers = new ArrayList<>();
        private final List<Timer> timers = new ArrayList<>();
        private final List<EscalationEvent> events = new ArrayList<>();
        private final List<Count> counts = new ArrayList<>();
        private final List<Note> notes = new ArrayList<>();

        Builder(String ticketId) {
            this.ticketId = ticketId;
        }

        String ticketId() {
            return ticketId;
        }

        Builder ticket(TicketState state) {
            this.ticket = state;
            return this;
        }

        Builder forgetTicket() {
            this.forgetTicket = true;
            return this;
        }

        Builder page(PageState page) {
            pages.add(page);
            return this;
        }

        Builder purge(PageState page) {
            purgedPages.add(page);
            return this;
        }

        /** Cancels the timer; null: there is none. */
        Builder cancel(Timer timer) {
            if (timer != null) {
                cancelledTimers.add(timer);
            }
            return this;
        }

        Builder set(Timer timer) {
            timers.add(timer);
            return this;
        }

        Builder emit(EscalationEvent event) {
            events.add(event);
            return this;
        }

        Builder count(Count count) {
            counts.add(count);
            return this;
        }

        Builder note(Level level, String text) {
            notes.add(new Note(level, text));
            return this;
        }

        Decision build() {
            return new Decision(ticketId, ticket, forgetTicket, pages, purgedPages, cancelledTimers, timers, events,
                    counts, notes);
        }
    }
}
