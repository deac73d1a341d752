package no.biztek.support.escalation.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.testing.MutableClock;
import no.biztek.support.testing.TicketEvents;

/**
 * The board's clocks are the same whatever order the independent streams of (ticket, metric) and the tickets' own
 * facts (answer, resolution, reopening: another topic) are interleaved in (each stream in the order its writer wrote
 * it, as a partition delivers it).
 */
class BoardOrderPropertyTest {

    private static final Instant OPENED = Instant.parse("2026-03-03T08:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofHours(4));

    @Provide
    Arbitrary<List<List<Object>>> streams() {
        Arbitrary<List<Object>> one = Combinators.combine(
                Arbitraries.integers().between(1, 6), Arbitraries.of("first-response", "resolution"),
                Arbitraries.of(Severity.class), Arbitraries.integers().between(0, 6).list().ofMaxSize(5))
                .as((ticket, metric, severity, steps) -> stream("t-" + ticket, metric, severity, steps));
        Arbitrary<List<List<Object>>> clocks = one.list().ofMinSize(1).ofMaxSize(8)
                .uniqueElements(s -> ((SlaEvent) s.get(0)).getTicketId() + "|" + ((SlaEvent) s.get(0)).getMetric());
        Arbitrary<List<Object>> facts = Combinators.combine(Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(0, 2).list().ofMinSize(1).ofMaxSize(4))
                .as((ticket, steps) -> ticketFacts("t-" + ticket, steps));
        return Combinators.combine(clocks, facts.list().ofMaxSize(4).uniqueElements(
                        s -> ((TicketEvent) s.get(0)).getTicketId()))
                .as((c, f) -> {
                    List<List<Object>> all = new ArrayList<>(c);
                    all.addAll(f);
                    return all;
                });
    }

    @Provide
    Arbitrary<List<Integer>> choices() {
        return Arbitraries.integers().between(0, 1000).list().ofSize(60);
    }

    @Property(tries = 300)
    void theSameClocksWhateverTheInterleaving(@ForAll("streams") List<List<Object>> streams,
                                              @ForAll("choices") List<Integer> choices) {
        assertThat(fold(interleave(streams, choices))).isEqualTo(fold(streams.stream().flatMap(List::stream).toList()));
    }

    private static List<BoardClock> fold(List<Object> events) {
        BoardView view = new BoardView(new MutableClock(OPENED), Duration.ofDays(90));
        for (Object e : events) {
            if (e instanceof SlaEvent sla) {
                view.fold(sla.getTicketId(), sla);
            } else {
                TicketEvent ticket = (TicketEvent) e;
                view.tickets().fold(ticket.getTicketId(), ticket);
            }
        }
        return view.all().stream().sorted(Comparator.comparing(BoardClock::id)).toList();
    }

    /** The streams merged: each next event taken from a stream the choices name, keeping each stream's order. */
    private static List<Object> interleave(List<List<Object>> streams, List<Integer> choices) {
        List<List<Object>> left = new ArrayList<>();
        streams.forEach(s -> left.add(new ArrayList<>(s)));
        List<Object> merged = new ArrayList<>();
        int choice = 0;
        while (left.stream().anyMatch(s -> !s.isEmpty())) {
            List<List<Object>> open = left.stream().filter(s -> !s.isEmpty()).toList();
            int pick = choices.get(choice++ % choices.size()) % open.size();
            merged.add(open.get(pick).remove(0));
        }
        return merged;
    }

    /** A ticket's answer, resolutions and reopenings, in the order intake wrote them. */
    private static List<Object> ticketFacts(String ticket, List<Integer> steps) {
        List<Object> events = new ArrayList<>();
        Instant at = OPENED;
        for (int step : steps) {
            at = at.plus(Duration.ofMinutes(30));
            events.add(switch (step) {
                case 0 -> TicketEvents.responded(ticket, at);
                case 1 -> TicketEvents.resolved(ticket, at);
                default -> TicketEvents.reopened(ticket, at);
            });
        }
        return events;
    }

    private static List<Object> stream(String ticket, String metric, Severity severity, List<Integer> steps) {
        BoardEvents clock = new BoardEvents(ticket, "c-" + ticket, metric, severity, OPENED);
        List<Object> events = new ArrayList<>();
        events.add(clock.started(DUE, 240));
        Instant at = OPENED;
        for (int step : steps) {
            at = at.plus(Duration.ofMinutes(20));
            events.add(switch (step) {
                case 0 -> clock.warning(at, DUE, 50, 240);
                case 1 -> clock.paused(at, DUE, "WAITING_ON_CUSTOMER", 30);
                case 2 -> clock.resumed(at, DUE.plus(Duration.ofMinutes(40)), "WAITING_ON_CUSTOMER", 30);
                case 3 -> clock.breached(DUE, 240);
                case 4 -> clock.corrected(at, DUE, SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.RUNNING);
                case 5 -> clock.met(at, DUE);
                default -> clock.deadlineChanged(at, DUE.plus(Duration.ofHours(4)), DUE, 480);
            });
        }
        return events;
    }
}
