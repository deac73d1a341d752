package no.biztek.support.escalation.board;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import no.biztek.support.escalation.facts.TicketFacts;
import no.biztek.support.escalation.paging.PageBoard;

/**
 * The board as a stream: the current rows, and every change to them as a delta with an id that grows by one. The
 * followers only mark tickets changed ({@link #changed}); {@link #dispatch}, on its own thread, rebuilds those
 * tickets' rows, records the deltas in a bounded {@link DeltaLog} and offers them to every subscriber without waiting
 * (a subscriber that cannot take one is dropped and reconnects). A subscriber that resumes from an id the log still
 * reaches back to gets the deltas it missed, anyone else a snapshot. A new day (the calendars' window moves) starts a
 * new stream: every subscriber gets a snapshot.
 */
final class BoardFeed {

    /** Takes events without blocking; false when it cannot (it is then dropped). */
    interface Sink {
        boolean offer(BoardEvent event);
    }

    private final BoardView view;
    private final Function<BoardClock, TicketFacts> facts;
    private final Supplier<List<PageBoard.Page>> pages;
    private final Calendars calendars;
    private final Clock clock;
    private final int bufferSize;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean allDirty = new AtomicBoolean(true);
    private final List<Sink> sinks = new CopyOnWriteArrayList<>();
    private final Map<String, BoardRow> rows = new LinkedHashMap<>();
    private final Map<String, Set<String>> rowsByTicket = new HashMap<>();
    private String stream;
    private DeltaLog<BoardEvent> log;

    BoardFeed(BoardView view, Function<BoardClock, TicketFacts> facts, Supplier<List<PageBoard.Page>> pages,
              Calendars calendars, Clock clock, int bufferSize) {
        this.view = view;
        this.facts = facts;
        this.pages = pages;
        this.calendars = calendars;
        this.clock = clock;
        this.bufferSize = bufferSize;
        view.onChange(this::changed);
    }

    /** The ticket's rows are to be rebuilt (its clocks, facts or pages changed); never blocks. */
    void changed(String ticketId) {
        dirty.add(ticketId);
    }

    /** Every row is to be rebuilt (e.g. a customer was renamed). */
    void changedAll() {
        allDirty.set(true);
    }

    /** Rebuilds what changed and hands the deltas to the subscribers. */
    synchronized void dispatch() {
        Instant now = clock.instant();
        dirty.addAll(view.forgetDue());
        if (calendars.moveTo(now) || stream == null) {
            restart(now);
            return;
        }
        boolean all = allDirty.getAndSet(false);
        Set<String> tickets = new HashSet<>(dirty);
        dirty.removeAll(tickets);
        if (all) {
            tickets.addAll(rowsByTicket.keySet());
            view.all().forEach(c -> tickets.add(c.ticketId()));
        }
        if (tickets.isEmpty()) {
            return;
        }
        Map<String, List<BoardRow.Holder>> holders = BoardRows.holders(pages.get());
        for (String ticket : tickets) {
            Set<String> before = rowsByTicket.getOrDefault(ticket, Set.of());
            Set<String> after = new HashSet<>();
            for (BoardClock c : view.of(ticket)) {
                BoardRow row = BoardRows.row(c, facts.apply(c), holders.getOrDefault(ticket, List.of()), calendars,
                        now);
                after.add(row.id());
                BoardRow previous = rows.put(row.id(), row);
                if (previous == null || !row.timeless().equals(previous.timeless())) {
                    publish("upsert", new BoardMessages.Upsert(now, row, row.calendar(),
                            BoardMessages.CalendarJson.of(calendars.window(row.calendar()))));
                }
            }
            for (String gone : before) {
                if (!after.contains(gone)) {
                    rows.remove(gone);
                    publish("remove", new BoardMessages.Remove(now, gone));
                }
            }
            if (after.isEmpty()) {
                rowsByTicket.remove(ticket);
            } else {
                rowsByTicket.put(ticket, after);
            }
        }
    }

    /**
     * Registers the subscriber and gives it, first, what it missed since {@code lastEventId} (when the log still
     * reaches back to it) or a snapshot.
     */
    synchronized void subscribe(String lastEventId, Sink sink) {
        if (stream == null) {
            restart(clock.instant());
        }
        Optional<List<DeltaLog.Entry<BoardEvent>>> missed = resumable(lastEventId).flatMap(log::after);
        if (missed.isPresent()) {
            for (DeltaLog.Entry<BoardEvent> entry : missed.get()) {
                if (!sink.offer(entry.delta())) {
                    return;
                }
            }
        } else if (!sink.offer(snapshotEvent(clock.instant()))) {
            return;
        }
        sinks.add(sink);
    }

    void unsubscribe(Sink sink) {
        sinks.remove(sink);
    }

    /**
     * Offers an event to every subscriber (heartbeats), dropping those that cannot take it. Not {@code removeIf}: a
     * sink that cannot take the event closes itself and unsubscribes, which must not happen inside the list's own
     * removal (it throws, and the rows already rebuilt would never be sent).
     */
    void broadcast(BoardEvent event) {
        List<Sink> dropped = new ArrayList<>();
        for (Sink sink : sinks) {
            if (!sink.offer(event)) {
                dropped.add(sink);
            }
        }
        sinks.removeAll(dropped);
    }

    int subscribers() {
        return sinks.size();
    }

    /** The board now, built afresh (for the API's snapshot). */
    synchronized BoardMessages.Snapshot snapshot() {
        Instant now = clock.instant();
        if (calendars.moveTo(now) || stream == null) {
            // the window moved (a new day): the streams start anew too, as at a dispatch
            restart(now);
        }
        Map<String, List<BoardRow.Holder>> holders = BoardRows.holders(pages.get());
        List<BoardRow> all = view.all().stream().map(c -> BoardRows.row(c, facts.apply(c),
                holders.getOrDefault(c.ticketId(), List.of()), calendars, now)).sorted(BoardFeed::byTimeToBreach)
                .toList();
        return new BoardMessages.Snapshot(now, calendars.zone().getId(),
                BoardMessages.CalendarJson.of(calendars.windows()), all);
    }

    /** Breached first (longest overdue first), then running by due time, then paused by business time left. */
    static int byTimeToBreach(BoardRow a, BoardRow b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        int due = rank(a) == 2 ? Long.compare(a.businessRemainingSeconds(), b.businessRemainingSeconds())
                : a.dueAt().compareTo(b.dueAt());
        return due != 0 ? due : a.id().compareTo(b.id());
    }

    private static int rank(BoardRow row) {
        return row.breached() ? 0 : "paused".equals(row.state()) ? 2 : 1;
    }

    private void restart(Instant now) {
        calendars.moveTo(now);
        allDirty.set(false);
        dirty.clear();
        rows.clear();
        rowsByTicket.clear();
        Map<String, List<BoardRow.Holder>> holders = BoardRows.holders(pages.get());
        for (BoardClock c : view.all()) {
            BoardRow row = BoardRows.row(c, facts.apply(c), holders.getOrDefault(c.ticketId(), List.of()), calendars,
                    now);
            rows.put(row.id(), row);
            rowsByTicket.computeIfAbsent(c.ticketId(), t -> new HashSet<>()).add(row.id());
        }
        stream = UUID.randomUUID().toString().substring(0, 8);
        log = new DeltaLog<>(bufferSize, 0);
        if (!sinks.isEmpty()) {
            broadcast(snapshotEvent(now));
        }
    }

    private BoardEvent snapshotEvent(Instant now) {
        List<BoardRow> all = new ArrayList<>(rows.values());
        all.sort(BoardFeed::byTimeToBreach);
        return new BoardEvent(stream + "-" + log.last(), "snapshot", BoardMessages.json(new BoardMessages.Snapshot(
                now, calendars.zone().getId(), BoardMessages.CalendarJson.of(calendars.windows()), all)));
    }

    private void publish(String name, Object message) {
        String data = BoardMessages.json(message);
        long seq = log.last() + 1;
        BoardEvent event = new BoardEvent(stream + "-" + seq, name, data);
        log.append(event);
        broadcast(event);
    }

    private Optional<Long> resumable(String lastEventId) {
        if (lastEventId == null || !lastEventId.startsWith(stream + "-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(lastEventId.substring(stream.length() + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
