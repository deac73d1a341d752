package no.biztek.support.sla.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;

/** Random facts of one ticket, and the same facts arriving in event-time order and in an arbitrary order. */
final class FactOrderFixture {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Monday 2 March 2026 00:00 in Oslo; tickets open in the week after. */
    static final Instant WEEK = LocalDateTime.parse("2026-03-02T00:00").atZone(OSLO).toInstant();
    /** Longer than any scenario, so no clock is deleted under the property. */
    static final Duration RETENTION = Duration.ofDays(90);
    private static final SeverityChangeReason[] REASONS = SeverityChangeReason.values();

    private FactOrderFixture() {
    }

    /** The harness that saw the facts in event-time order and the one that saw them arbitrarily, at the same end. */
    record Runs<H extends ClockHarness>(H ordered, H arbitrary) {
    }

    /** Severity changes, a first response, and resolutions each maybe reopened after a pause. */
    static List<TicketEvent> lifecycle(String ticketId, Instant openedAt, List<Integer> changeMinutes,
                                       List<Integer> changeSeverities, boolean responded, int responseMinute,
                                       List<Integer> resolveMinutes, List<Integer> pauseMinutes,
                                       List<Boolean> reopened) {
        List<TicketEvent> lifecycle = new ArrayList<>();
        for (int i = 0; i < changeMinutes.size(); i++) {
            Severity severity = Severity.values()[changeSeverities.get(i) - 1];
            lifecycle.add(event(ticketId, SeverityChanged.newBuilder().setSeverity(severity)
                    .setReason(REASONS[Math.floorMod(changeMinutes.get(i), REASONS.length)])
                    .setChangedAt(openedAt.plus(Duration.ofMinutes(changeMinutes.get(i)))).build()));
        }
        if (responded) {
            lifecycle.add(event(ticketId, FirstResponseRecorded.newBuilder().setConsultant("per@biztek.no")
                    .setRespondedAt(openedAt.plus(Duration.ofMinutes(responseMinute))).build()));
        }
        for (int i = 0; i < resolveMinutes.size(); i++) {
            Instant resolvedAt = openedAt.plus(Duration.ofMinutes(resolveMinutes.get(i)));
            lifecycle.add(event(ticketId, TicketResolved.newBuilder().setResolvedAt(resolvedAt).build()));
            if (reopened.get(i)) {
                lifecycle.add(event(ticketId, TicketReopened.newBuilder()
                        .setReopenedAt(resolvedAt.plus(Duration.ofMinutes(pauseMinutes.get(i)))).build()));
            }
        }
        return lifecycle;
    }

    /**
     * Numbers the lifecycle in a random publishing order and runs it after the opening, once in event-time order
     * and once shuffled, arriving as {@link #run} says, both to the later of their ends.
     */
    static <H extends ClockHarness> Runs<H> runs(Function<Instant, H> harnessAt, String ticketId, Instant openedAt,
                                                 int openedSeverity, List<TicketEvent> lifecycle, Random random,
                                                 List<Integer> steps, List<Boolean> backlog, List<Boolean> late) {
        // intake numbers a ticket's events in the order it publishes them, which need not be event-time order
        Collections.shuffle(lifecycle, random);
        for (int i = 0; i < lifecycle.size(); i++) {
            lifecycle.get(i).setSequence(i + 1);
        }
        TicketEvent opened = event(ticketId, TicketOpened.newBuilder().setSource("test").setExternalId(ticketId)
                .setSeverity(Severity.values()[openedSeverity - 1]).setTitle("t").setDescription("d")
                .setRequester(new Person("Kari", "kari@kunde.no"))
                .setChannel(Channel.PORTAL).setOpenedAt(openedAt).build());
        opened.setSequence(0);

        List<TicketEvent> inEventTimeOrder = new ArrayList<>(lifecycle);
        inEventTimeOrder.sort(Comparator.comparing(e -> Fact.of(e), Fact.EVENT_TIME_ORDER));
        List<TicketEvent> shuffled = new ArrayList<>(lifecycle);
        Collections.shuffle(shuffled, random);

        H ordered = run(harnessAt.apply(openedAt), opened, inEventTimeOrder, List.of(0), List.of(false),
                List.of(false));
        H arbitrary = run(harnessAt.apply(openedAt), opened, shuffled, steps, backlog, late);
        Instant end = later(ordered.now(), arbitrary.now());
        ordered.passTimeTo(end, false);
        arbitrary.passTimeTo(end, true);
        return new Runs<>(ordered, arbitrary);
    }

    /** Facts arrive one by one, the wall clock moving on before each (never before the fact's own time). */
    private static <H extends ClockHarness> H run(H harness, TicketEvent opened, List<TicketEvent> arrivals,
                                                  List<Integer> steps, List<Boolean> backlog, List<Boolean> late) {
        harness.arrive(opened, true);
        for (int i = 0; i < arrivals.size(); i++) {
            TicketEvent event = arrivals.get(i);
            boolean readingBacklog = backlog.get(i % backlog.size());
            Instant arrival = later(harness.now().plus(Duration.ofMinutes(steps.get(i % steps.size()))),
                    Fact.of(event).at());
            harness.passTimeTo(arrival, readingBacklog || late.get(i % late.size()));
            Step step = harness.arrive(event, !readingBacklog);
            assertThat(step.outcome()).isNotEqualTo(Step.Outcome.UNKNOWN_TICKET);
        }
        return harness;
    }

    static TicketEvent event(String ticketId, Object payload) {
        return TicketEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTicketId(ticketId)
                .setCustomerId("customer-1").setOccurredAt(Instant.EPOCH).setProducer("intake-service")
                .setPayload(payload).build();
    }

    static List<String> ids(List<SlaEvent> events) {
        return events.stream().map(SlaEvent::getEventId).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
