package no.biztek.support.escalation.paging;

import static no.biztek.support.escalation.TestEvents.breached;
import static no.biztek.support.escalation.TestEvents.corrected;
import static no.biztek.support.escalation.TestEvents.firstResponse;
import static no.biztek.support.escalation.TestEvents.met;
import static no.biztek.support.escalation.TestEvents.newId;
import static no.biztek.support.escalation.TestEvents.reopened;
import static no.biztek.support.escalation.TestEvents.resolved;
import static no.biztek.support.escalation.TestEvents.severityChanged;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static no.biztek.support.escalation.streams.TopologyHarness.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.escalation.streams.TopologyHarness;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.escalation.ReEscalationReason;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.topic.DeadLetterHeaders;
import no.biztek.support.schemas.topic.Topics;

/** Paging and re-escalation timing through the whole topology, by wall clock (TopologyTestDriver). */
class PagingTopologyTest {

    /** Tuesday 3 March 2026, 02:00 in Oslo: the week of Nora (secondary: Kari). */
    private static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");

    private final List<Integer> pagedLevels = new ArrayList<>();
    private final List<Duration> acknowledgedAfter = new ArrayList<>();
    private int withdrawals;
    private TopologyHarness harness;
    private TestInputTopic<String, TicketEvent> tickets;
    private TestInputTopic<String, SlaEvent> sla;
    private TestInputTopic<String, EscalationEvent> escalations;
    private TestInputTopic<String, PageCommand> commands;
    private TestOutputTopic<String, EscalationEvent> out;
    private final String ticket = newId();
    private final String customer = "kunde-as";

    @BeforeEach
    void start() {
        harness = new TopologyHarness(TestPaging.properties(), NIGHT, new PagingMetrics() {
            @Override
            public void paged(int level) {
                pagedLevels.add(level);
            }

            @Override
            public void acknowledged(int level, Duration sincePaged) {
                acknowledgedAfter.add(sincePaged);
            }

            @Override
            public void withdrawn() {
                withdrawals++;
            }
        }, (vendor, minutes) -> { });
        tickets = harness.input(Topics.TICKET_EVENTS);
        sla = harness.input(Topics.SLA_EVENTS);
        escalations = harness.input(Topics.ESCALATION_EVENTS);
        commands = harness.input(TopologyHarness.COMMANDS);
        out = harness.output(Topics.ESCALATION_EVENTS);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void severityOneTicketAtTwoInTheNightPagesTheEngineerOnCall() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));

        List<EscalationEvent> events = values(out);
        assertThat(events).hasSize(1);
        EscalationEvent event = events.get(0);
        assertThat(event.getTicketId()).isEqualTo(ticket);
        assertThat(event.getCustomerId()).isEqualTo(customer);
        assertThat(event.getProducer()).isEqualTo("escalation-service");
        assertThat(event.getOccurredAt()).isEqualTo(NIGHT);
        OnCallPaged paged = (OnCallPaged) event.getPayload();
        assertThat(paged.getCause()).isEqualTo(PageCause.CRITICAL_TICKET_OPENED);
        assertThat(paged.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(paged.getLevel()).isEqualTo(1);
        assertThat(paged.getLevelName()).isEqualTo("on-call engineer");
        assertThat(paged.getRound()).isEqualTo(1);
        assertThat(paged.getPaged().getEmail()).isEqualTo(TestPaging.NORA.email());
        assertThat(paged.getAcknowledgeBy()).isEqualTo(NIGHT.plus(Duration.ofMinutes(15)));
        assertThat(pagedLevels).containsExactly(1);
    }

    @Test
    void theSameTicketEventTwiceGivesOnePage() {
        TicketEvent opened = ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT);
        tickets.pipeInput(ticket, opened);
        tickets.pipeInput(ticket, opened);

        assertThat(values(out)).hasSize(1);
    }

    @Test
    void lowerSeveritiesDoNotPageWhenOpened() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT));
        tickets.pipeInput(newId(), ticketOpened(newId(), customer, Severity.LESS_SERIOUS, NIGHT));

        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void noAcknowledgementMovesThePageThroughEveryLevelAndRoundThenStops() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();

        harness.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(out.isEmpty()).as("not before the level's timeout").isTrue();

        harness.advance(Duration.ofSeconds(1));
        PageReEscalated second = (PageReEscalated) out.readValue().getPayload();
        assertThat(second.getPageId()).isEqualTo(pageId);
        assertThat(second.getReason()).isEqualTo(ReEscalationReason.ACKNOWLEDGEMENT_TIMEOUT);
        assertThat(second.getFromLevel()).isEqualTo(1);
        assertThat(second.getLevel()).isEqualTo(2);
        assertThat(second.getLevelName()).isEqualTo("secondary");
        assertThat(second.getRound()).isEqualTo(1);
        assertThat(second.getPaged().getEmail()).isEqualTo(TestPaging.KARI.email());
        assertThat(second.getAcknowledgeBy()).isEqualTo(NIGHT.plus(Duration.ofMinutes(30)));

        harness.advance(Duration.ofMinutes(15));
        PageReEscalated third = (PageReEscalated) out.readValue().getPayload();
        assertThat(third.getLevel()).isEqualTo(3);
        assertThat(third.getPaged().getEmail()).isEqualTo(TestPaging.DINA.email());
        assertThat(third.getAcknowledgeBy()).isEqualTo(NIGHT.plus(Duration.ofMinutes(60)));

        harness.advance(Duration.ofMinutes(29));
        assertThat(out.isEmpty()).as("the duty manager has 30 minutes").isTrue();
        harness.advance(Duration.ofMinutes(1));
        PageReEscalated secondRound = (PageReEscalated) out.readValue().getPayload();
        assertThat(secondRound.getLevel()).isEqualTo(1);
        assertThat(secondRound.getRound()).isEqualTo(2);
        assertThat(secondRound.getFromLevel()).isEqualTo(3);

        harness.advance(Duration.ofMinutes(15));
        harness.advance(Duration.ofMinutes(15));
        List<EscalationEvent> rest = values(out);
        assertThat(rest).hasSize(2);
        assertThat(((PageReEscalated) rest.get(1).getPayload()).getLevel()).isEqualTo(3);
        assertThat(((PageReEscalated) rest.get(1).getPayload()).getRound()).isEqualTo(2);

        harness.advance(Duration.ofHours(2));
        assertThat(out.isEmpty()).as("after the last round paging stops").isTrue();
        assertThat(pagedLevels).containsExactly(1, 2, 3, 1, 2, 3);
    }

    @Test
    void reEscalationEventIdsAreDeterministicAndDistinct() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        harness.advance(Duration.ofMinutes(15));
        harness.advance(Duration.ofMinutes(15));

        List<String> ids = values(out).stream().map(EscalationEvent::getEventId).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void anAcknowledgementStopsTheEscalation() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        harness.advance(Duration.ofMinutes(4));

        escalations.pipeInput(ticket, new PageEvents("escalation-service").acknowledged(pageId, ticket, customer, 1,
                "Nora Berg", AcknowledgementChannel.LINK, harness.clock.instant()));
        harness.advance(Duration.ofHours(3));

        assertThat(out.isEmpty()).isTrue();
        assertThat(acknowledgedAfter).containsExactly(Duration.ofMinutes(4));
    }

    @Test
    void anAcknowledgementAfterReEscalationStopsItToo() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        harness.advance(Duration.ofMinutes(16));
        assertThat(out.readValue().getPayload()).isInstanceOf(PageReEscalated.class);

        escalations.pipeInput(ticket, new PageEvents("escalation-service").acknowledged(pageId, ticket, customer, 2,
                "Kari Nordmann", AcknowledgementChannel.API, harness.clock.instant()));
        harness.advance(Duration.ofHours(3));

        assertThat(out.isEmpty()).isTrue();
        assertThat(acknowledgedAfter).containsExactly(Duration.ofMinutes(16));
    }

    @Test
    void aFirstResponseClosesTheTicketsPages() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        harness.advance(Duration.ofMinutes(10));

        tickets.pipeInput(ticket, firstResponse(ticket, customer, harness.clock.instant()));
        PageClosed closed = (PageClosed) out.readValue().getPayload();
        harness.advance(Duration.ofHours(3));

        assertThat(closed.getPageId()).isEqualTo(pageId);
        assertThat(closed.getReason()).isEqualTo(PageCloseReason.FIRST_RESPONSE);
        assertThat(closed.getExplanation()).isEqualTo("first response by Kari at 02:10");
        assertThat(closed.getPagedPeople()).extracting(Person::getEmail).containsExactly(TestPaging.NORA.email());
        assertThat(closed.getSupersededEventId()).isNull();
        assertThat(out.isEmpty()).as("no re-escalation of a closed page").isTrue();
    }

    @Test
    void aResolutionClosesTheTicketsPages() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        out.readValue();

        tickets.pipeInput(ticket, resolved(ticket, customer, NIGHT));
        PageClosed closed = (PageClosed) out.readValue().getPayload();
        harness.advance(Duration.ofHours(3));

        assertThat(closed.getReason()).isEqualTo(PageCloseReason.RESOLVED);
        assertThat(closed.getExplanation()).isEqualTo("the ticket was resolved at 02:00");
        assertThat(out.isEmpty()).as("no re-escalation of a closed page").isTrue();
    }

    @Test
    void slaBreachesPageFromTheConfiguredLevelForTheirSeverity() {
        String serious = newId();
        String lessSerious = newId();
        sla.pipeInput(serious, breached(serious, customer, Severity.SERIOUS, NIGHT, NIGHT));
        sla.pipeInput(lessSerious, breached(lessSerious, customer, Severity.LESS_SERIOUS, NIGHT, NIGHT));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.CRITICAL, NIGHT, NIGHT));

        List<EscalationEvent> events = values(out);
        assertThat(events).extracting(EscalationEvent::getTicketId).containsExactly(serious, ticket);
        OnCallPaged seriousPage = (OnCallPaged) events.get(0).getPayload();
        assertThat(seriousPage.getCause()).isEqualTo(PageCause.SLA_BREACHED);
        assertThat(seriousPage.getLevel()).isEqualTo(1);
        OnCallPaged criticalPage = (OnCallPaged) events.get(1).getPayload();
        assertThat(criticalPage.getLevel()).isEqualTo(2);
        assertThat(criticalPage.getLevelName()).isEqualTo("secondary");
        assertThat(criticalPage.getPaged().getEmail()).isEqualTo(TestPaging.KARI.email());
    }

    @Test
    void aBreachWhileThePageOfTheTicketIsStillPagingAddsNoPage() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.CRITICAL, NIGHT, NIGHT));

        assertThat(values(out)).hasSize(1);
    }

    @Test
    void aRoundThatStartedAboveLevelOneStartsThereAgain() {
        sla.pipeInput(ticket, breached(ticket, customer, Severity.CRITICAL, NIGHT, NIGHT));
        harness.advance(Duration.ofMinutes(15));
        harness.advance(Duration.ofMinutes(30));

        List<EscalationEvent> events = values(out);
        assertThat(events).hasSize(3);
        PageReEscalated nextRound = (PageReEscalated) events.get(2).getPayload();
        assertThat(nextRound.getRound()).isEqualTo(2);
        assertThat(nextRound.getLevel()).isEqualTo(2);
    }

    @Test
    void aDeliveryFailureMovesThePageOnAtOnceButOnlyFromItsCurrentLevel() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        harness.advance(Duration.ofMinutes(1));

        PageCommand failed = new PageCommand(PageCommand.Type.DELIVERY_FAILED, pageId, ticket, 1, 1,
                "webhook: HTTP 500; email: connection refused", harness.clock.instant());
        commands.pipeInput(ticket, failed);
        commands.pipeInput(ticket, failed);

        List<EscalationEvent> events = values(out);
        assertThat(events).hasSize(1);
        PageReEscalated moved = (PageReEscalated) events.get(0).getPayload();
        assertThat(moved.getReason()).isEqualTo(ReEscalationReason.DELIVERY_FAILED);
        assertThat(moved.getLevel()).isEqualTo(2);
        assertThat(moved.getAcknowledgeBy()).isEqualTo(NIGHT.plus(Duration.ofMinutes(16)));

        harness.advance(Duration.ofMinutes(14));
        assertThat(out.isEmpty()).as("level 2's own timeout counts from its page").isTrue();
        harness.advance(Duration.ofMinutes(1));
        assertThat(((PageReEscalated) out.readValue().getPayload()).getLevel()).isEqualTo(3);
    }

    @Test
    void anOverrideReplacesTheEngineerOnCall() {
        Instant duringOverride = Instant.parse("2026-04-01T12:00:00Z");
        harness.clock.set(duringOverride);
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, duringOverride));

        OnCallPaged paged = (OnCallPaged) out.readValue().getPayload();
        assertThat(paged.getPaged().getEmail()).isEqualTo(TestPaging.SUBSTITUTE.email());
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndProcessingGoesOn() {
        TestOutputTopic<String, byte[]> ticketDlt = harness.deadLetters(Topics.TICKET_EVENTS);
        TestOutputTopic<String, byte[]> slaDlt = harness.deadLetters(Topics.SLA_EVENTS);
        byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);

        harness.rawInput(Topics.TICKET_EVENTS).pipeInput("poison", garbage);
        harness.rawInput(Topics.SLA_EVENTS).pipeInput("poison", new byte[] {(byte) 0xC3, 0x01, 1, 2});
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));

        TestRecord<String, byte[]> dead = ticketDlt.readRecord();
        assertThat(dead.key()).isEqualTo("poison");
        assertThat(dead.value()).isEqualTo(garbage);
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(Topics.TICKET_EVENTS.name());
        assertThat(header(dead, DeadLetterHeaders.ORIGINAL_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetterHeaders.REASON)).contains("SerializationException");
        assertThat(header(dead, DeadLetterHeaders.SERVICE)).isEqualTo("escalation-service");
        assertThat(slaDlt.readRecord().key()).isEqualTo("poison");
        assertThat(values(out)).hasSize(1);
        assertThat(harness.deadLettered(Topics.TICKET_EVENTS)).isEqualTo(1.0);
        assertThat(harness.deadLettered(Topics.SLA_EVENTS)).isEqualTo(1.0);
        assertThat(harness.deadLettered(Topics.ESCALATION_EVENTS)).isZero();
    }

    @Test
    void everyDeadLetterOfEveryInputIsCounted() {
        byte[] garbage = "{not avro}".getBytes(StandardCharsets.UTF_8);
        harness.rawInput(Topics.ESCALATION_EVENTS).pipeInput("poison", garbage);
        harness.rawInput(Topics.CUSTOMERS).pipeInput("poison", garbage);
        harness.rawInput(TopologyHarness.COMMANDS).pipeInput("poison", garbage);
        harness.rawInput(TopologyHarness.COMMANDS).pipeInput(null, garbage);

        assertThat(harness.deadLettered(Topics.ESCALATION_EVENTS)).isEqualTo(1.0);
        assertThat(harness.deadLettered(Topics.CUSTOMERS)).isEqualTo(1.0);
        assertThat(harness.deadLettered(TopologyHarness.COMMANDS)).isEqualTo(2.0);
    }

    // ---- which tickets still need a page

    @Test
    void aBreachOfAnAnsweredTicketPagesNobody() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT));
        tickets.pipeInput(ticket, firstResponse(ticket, customer, NIGHT.plus(Duration.ofMinutes(5))));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.SERIOUS, NIGHT, NIGHT.plus(Duration.ofHours(4))));

        assertThat(out.isEmpty()).as("the breach raced the first response; nobody needs waking").isTrue();
        assertThat(harness.pageStates()).isEmpty();
    }

    @Test
    void aBreachOfAResolvedTicketPagesNobody() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT));
        tickets.pipeInput(ticket, resolved(ticket, customer, NIGHT.plus(Duration.ofMinutes(5))));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.SERIOUS, NIGHT, NIGHT.plus(Duration.ofHours(4))));

        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void aReopenedTicketIsPagedForItsBreachAgain() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT));
        tickets.pipeInput(ticket, firstResponse(ticket, customer, NIGHT.plus(Duration.ofMinutes(5))));
        tickets.pipeInput(ticket, resolved(ticket, customer, NIGHT.plus(Duration.ofMinutes(10))));
        tickets.pipeInput(ticket, reopened(ticket, customer, NIGHT.plus(Duration.ofMinutes(20))));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.SERIOUS, NIGHT, NIGHT.plus(Duration.ofHours(4))));

        OnCallPaged paged = (OnCallPaged) out.readValue().getPayload();
        assertThat(paged.getCause()).isEqualTo(PageCause.SLA_BREACHED);
        assertThat(paged.getLevel()).isEqualTo(1);
    }

    @Test
    void aResolvedTicketIsForgottenAfterTheRetention() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT));
        tickets.pipeInput(ticket, resolved(ticket, customer, NIGHT));
        var ticketStates = harness.driver.getKeyValueStore("paging-tickets");
        assertThat(ticketStates.get(ticket)).isNotNull();

        harness.advance(Duration.ofDays(29));
        assertThat(ticketStates.get(ticket)).isNotNull();
        harness.advance(Duration.ofDays(2));
        assertThat(ticketStates.get(ticket)).isNull();
    }

    @Test
    void aDowngradeFromSeverityOneClosesTheTicketsPages() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        harness.advance(Duration.ofMinutes(5));

        tickets.pipeInput(ticket, severityChanged(ticket, customer, Severity.SERIOUS, harness.clock.instant()));
        PageClosed closed = (PageClosed) out.readValue().getPayload();
        harness.advance(Duration.ofHours(3));

        assertThat(closed.getReason()).isEqualTo(PageCloseReason.SEVERITY_DOWNGRADED);
        assertThat(closed.getExplanation()).isEqualTo("severity changed to 2, which does not page around the clock");
        assertThat(out.isEmpty()).as("no re-escalation of a page nobody needs").isTrue();
        PageState state = harness.pageStates().get(ticket + "|" + pageId);
        assertThat(state.status()).isEqualTo(PageState.Status.CLOSED);
        assertThat(state.endedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aChangeBetweenSeveritiesThatDoNotPageAroundTheClockLeavesPagesAlone() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT.minus(Duration.ofHours(5))));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.SERIOUS, NIGHT.minus(Duration.ofHours(5)), NIGHT));
        out.readValue();
        tickets.pipeInput(ticket, severityChanged(ticket, customer, Severity.LESS_SERIOUS, NIGHT));

        harness.advance(Duration.ofMinutes(15));
        assertThat(((PageReEscalated) out.readValue().getPayload()).getLevel()).isEqualTo(2);
    }

    @Test
    void anUpgradeToSeverityOnePagesTheEngineerOnCall() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT.minus(Duration.ofHours(1))));
        tickets.pipeInput(ticket, severityChanged(ticket, customer, Severity.CRITICAL, NIGHT));

        OnCallPaged paged = (OnCallPaged) out.readValue().getPayload();
        assertThat(paged.getCause()).isEqualTo(PageCause.OTHER);
        assertThat(paged.getLevel()).isEqualTo(1);
        assertThat(paged.getSeverity()).isEqualTo(Severity.CRITICAL);

        tickets.pipeInput(ticket, severityChanged(ticket, customer, Severity.CRITICAL, NIGHT.plus(Duration.ofMinutes(1))));
        assertThat(out.isEmpty()).as("a change from severity 1 to severity 1 is no upgrade").isTrue();
    }

    @Test
    void aResolvedTicketUpgradedToSeverityOnePagesNobody() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, NIGHT.minus(Duration.ofHours(1))));
        tickets.pipeInput(ticket, resolved(ticket, customer, NIGHT.minus(Duration.ofMinutes(30))));
        tickets.pipeInput(ticket, severityChanged(ticket, customer, Severity.CRITICAL, NIGHT));

        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void aSeverityChangeIsJudgedUnderThePolicyInForceWhenTheTicketWasOpened() {
        harness.close();
        // severity 2 pages around the clock only in the version in force from 1 March 2026
        harness = new TopologyHarness(TestPaging.properties(), PolicyFile.fromClasspath("policy/two-versions.yaml"),
                NIGHT, PagingMetrics.NONE, (vendor, minutes) -> { });
        tickets = harness.input(Topics.TICKET_EVENTS);
        out = harness.output(Topics.ESCALATION_EVENTS);
        String openedBefore = newId();
        String openedAfter = newId();

        tickets.pipeInput(openedBefore, ticketOpened(openedBefore, customer, Severity.LESS_SERIOUS,
                Instant.parse("2026-02-27T10:00:00Z")));
        tickets.pipeInput(openedBefore, severityChanged(openedBefore, customer, Severity.SERIOUS, NIGHT));
        assertThat(out.isEmpty()).as("opened under the published terms: severity 2 does not page at night").isTrue();

        tickets.pipeInput(openedAfter, ticketOpened(openedAfter, customer, Severity.LESS_SERIOUS,
                Instant.parse("2026-03-02T10:00:00Z")));
        tickets.pipeInput(openedAfter, severityChanged(openedAfter, customer, Severity.SERIOUS, NIGHT));
        List<EscalationEvent> paged = values(out);
        assertThat(paged).extracting(EscalationEvent::getTicketId).containsExactly(openedAfter);
    }

    @Test
    void aTicketWhoseOpeningWasNeverSeenIsJudgedAtTheChangeAndItsPagesTellItsSeverity() {
        // e.g. opened before this state existed: an upgrade to 1 still pages, a downgrade still closes
        tickets.pipeInput(ticket, severityChanged(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();

        String other = newId();
        sla.pipeInput(other, breached(other, customer, Severity.CRITICAL, NIGHT, NIGHT));
        String breachPage = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        tickets.pipeInput(other, severityChanged(other, customer, Severity.SERIOUS, NIGHT));

        assertThat(harness.pageStates().get(other + "|" + breachPage).status()).isEqualTo(PageState.Status.CLOSED);
        assertThat(harness.pageStates().get(ticket + "|" + pageId).status()).isEqualTo(PageState.Status.OPEN);
    }

    @Test
    void thePageStateRecordsEveryLevelAndTheAcknowledgement() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        harness.advance(Duration.ofMinutes(15));
        out.readValue();
        PageState moved = harness.pageStates().get(ticket + "|" + pageId);
        assertThat(moved.level()).isEqualTo(2);
        assertThat(moved.pagedAt()).isEqualTo(NIGHT);
        assertThat(moved.levelPagedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(15)));
        assertThat(moved.status()).isEqualTo(PageState.Status.OPEN);

        escalations.pipeInput(ticket, new PageEvents("escalation-service").acknowledged(pageId, ticket, customer, 2,
                "Kari Nordmann", AcknowledgementChannel.LINK, harness.clock.instant()));
        PageState acknowledged = harness.pageStates().get(ticket + "|" + pageId);
        assertThat(acknowledged.status()).isEqualTo(PageState.Status.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("Kari Nordmann");
        assertThat(acknowledged.acknowledgedVia()).isEqualTo("LINK");

        escalations.pipeInput(ticket, new PageEvents("escalation-service").acknowledged(pageId, ticket, customer, 2,
                "Ola Hansen", AcknowledgementChannel.API, harness.clock.instant()));
        assertThat(harness.pageStates().get(ticket + "|" + pageId).acknowledgedBy())
                .as("the first acknowledgement counts").isEqualTo("Kari Nordmann");
        assertThat(harness.pageStates().get(ticket + "|" + pageId).acknowledgedByToken()).as("a link has no token")
                .isNull();
    }

    @Test
    void anApiAcknowledgementRecordsTheNameOfTheTokenItWasMadeWith() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String pageId = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        EscalationEvent ack = new PageEvents("escalation-service").acknowledged(pageId, ticket, customer, 1,
                "Nora (on behalf of the desk)", AcknowledgementChannel.API, harness.clock.instant());
        org.apache.kafka.common.header.internals.RecordHeaders headers =
                new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(PageEvents.ACKNOWLEDGED_BY_TOKEN_HEADER, "desk".getBytes(StandardCharsets.UTF_8));

        escalations.pipeInput(new TestRecord<>(ticket, ack, headers, harness.clock.instant()));

        PageState acknowledged = harness.pageStates().get(ticket + "|" + pageId);
        assertThat(acknowledged.status()).isEqualTo(PageState.Status.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("Nora (on behalf of the desk)");
        assertThat(acknowledged.acknowledgedByToken()).isEqualTo("desk");
        PageBoard board = new PageBoard();
        board.fold(ticket + "|" + pageId, acknowledged);
        assertThat(board.find(pageId).orElseThrow().acknowledgedByToken()).isEqualTo("desk");
    }

    // ---- corrected SLA verdicts

    /** Monday 2 March 2026, 13:00 in Oslo. */
    private static final Instant OPENED = Instant.parse("2026-03-02T12:00:00Z");

    private SlaEvent breachPagesNoraAt(Severity severity) {
        SlaEvent breach = breached(ticket, customer, severity, OPENED, NIGHT);
        sla.pipeInput(ticket, breach);
        OnCallPaged paged = (OnCallPaged) out.readValue().getPayload();
        assertThat(paged.getPaged().getEmail()).isEqualTo(TestPaging.NORA.email());
        return breach;
    }

    private String pageOf(SlaEvent breach) {
        return Ids.pageId(ticket, PageCause.SLA_BREACHED.name(), breach.getEventId());
    }

    private SlaEvent correction(SlaEvent superseded, SlaCorrectionKind kind, SlaClockState state, Instant dueAt,
                                Instant respondedAt) {
        return corrected(ticket, customer, superseded.getSeverity(), OPENED, dueAt, superseded.getEventId(), kind,
                state, respondedAt, harness.clock.instant());
    }

    @Test
    void aWithdrawnBreachEndsItsPageTellsEveryonePagedAndNeverReEscalates() {
        SlaEvent breach = breachPagesNoraAt(Severity.SERIOUS);
        harness.advance(Duration.ofMinutes(15));
        assertThat(((PageReEscalated) out.readValue().getPayload()).getPaged().getEmail())
                .isEqualTo(TestPaging.KARI.email());
        harness.advance(Duration.ofMinutes(5));

        // the first response came at 01:55, before the deadline, but reached the SLA timer only now
        Instant respondedAt = NIGHT.minus(Duration.ofMinutes(5));
        sla.pipeInput(ticket, correction(breach, SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.MET, NIGHT,
                respondedAt));
        sla.pipeInput(ticket, met(ticket, customer, Severity.SERIOUS, OPENED, NIGHT, respondedAt));

        List<EscalationEvent> events = values(out);
        assertThat(events).hasSize(1);
        EscalationEvent event = events.get(0);
        assertThat(event.getTicketId()).isEqualTo(ticket);
        assertThat(event.getCustomerId()).isEqualTo(customer);
        assertThat(event.getOccurredAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(20)));
        PageClosed closed = (PageClosed) event.getPayload();
        assertThat(closed.getPageId()).isEqualTo(pageOf(breach));
        assertThat(closed.getReason()).isEqualTo(PageCloseReason.CAUSE_WITHDRAWN);
        assertThat(closed.getSupersededEventId()).isEqualTo(breach.getEventId());
        assertThat(closed.getExplanation()).isEqualTo("breach withdrawn: first response recorded at 01:55");
        assertThat(closed.getPagedPeople()).extracting(Person::getName, Person::getEmail).containsExactly(
                tuple(TestPaging.NORA.name(), TestPaging.NORA.email()),
                tuple(TestPaging.KARI.name(), TestPaging.KARI.email()));
        PageState state = harness.pageStates().get(ticket + "|" + pageOf(breach));
        assertThat(state.status()).isEqualTo(PageState.Status.WITHDRAWN);
        assertThat(state.withdrawnAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(20)));
        assertThat(state.withdrawal()).isEqualTo(closed.getExplanation());
        assertThat(withdrawals).isEqualTo(1);

        harness.advance(Duration.ofMinutes(10));
        assertThat(out.isEmpty()).as("level 2's acknowledgement time is over: no re-escalation").isTrue();
        harness.advance(Duration.ofHours(3));
        assertThat(out.isEmpty()).as("a withdrawn page never pages again").isTrue();
        assertThat(pagedLevels).containsExactly(1, 2);
    }

    @Test
    void aPageTheLateFirstResponseClosedFirstIsStillWithdrawnAndEveryonePagedIsTold() {
        SlaEvent breach = breachPagesNoraAt(Severity.SERIOUS);
        harness.advance(Duration.ofMinutes(15));
        out.readValue();
        Instant respondedAt = NIGHT.minus(Duration.ofMinutes(5));

        // the late first response reached this service before the SLA timer's correction
        tickets.pipeInput(ticket, firstResponse(ticket, customer, respondedAt));
        EscalationEvent byResponse = out.readValue();
        sla.pipeInput(ticket, correction(breach, SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.MET, NIGHT,
                respondedAt));
        EscalationEvent byCorrection = out.readValue();

        assertThat(((PageClosed) byResponse.getPayload()).getReason()).isEqualTo(PageCloseReason.FIRST_RESPONSE);
        PageClosed withdrawn = (PageClosed) byCorrection.getPayload();
        assertThat(withdrawn.getReason()).isEqualTo(PageCloseReason.CAUSE_WITHDRAWN);
        assertThat(withdrawn.getPagedPeople()).extracting(Person::getEmail)
                .containsExactly(TestPaging.NORA.email(), TestPaging.KARI.email());
        assertThat(byCorrection.getEventId()).as("two endings, two events").isNotEqualTo(byResponse.getEventId());
        PageBoard board = new PageBoard();
        harness.pageStates().forEach(board::fold);
        PageBoard.Page page = board.find(pageOf(breach)).orElseThrow();
        assertThat(page.state()).isEqualTo(PageBoard.State.WITHDRAWN);
        assertThat(page.closedAt()).as("when it stopped paging").isEqualTo(NIGHT.plus(Duration.ofMinutes(15)));
        assertThat(page.withdrawal()).isEqualTo("breach withdrawn: first response recorded at 01:55");
        harness.advance(Duration.ofHours(3));
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void anAcknowledgedPageIsWithdrawnTooAndKeepsWhoAcknowledgedIt() {
        SlaEvent breach = breachPagesNoraAt(Severity.SERIOUS);
        harness.advance(Duration.ofMinutes(4));
        escalations.pipeInput(ticket, new PageEvents("escalation-service").acknowledged(pageOf(breach), ticket,
                customer, 1, "Nora Berg", AcknowledgementChannel.LINK, harness.clock.instant()));
        harness.advance(Duration.ofMinutes(6));

        // a downgrade to 3 that came late: the deadline is 14:00 today, not passed
        sla.pipeInput(ticket, corrected(ticket, customer, Severity.LESS_SERIOUS, OPENED,
                Instant.parse("2026-03-03T13:00:00Z"), breach.getEventId(), SlaCorrectionKind.BREACH_WITHDRAWN,
                SlaClockState.RUNNING, null, harness.clock.instant()));

        PageClosed closed = (PageClosed) out.readValue().getPayload();
        assertThat(closed.getExplanation()).isEqualTo("breach withdrawn: the deadline moved to 3.3.2026 14:00");
        assertThat(closed.getPagedPeople()).extracting(Person::getEmail).containsExactly(TestPaging.NORA.email());
        PageBoard board = new PageBoard();
        harness.pageStates().forEach(board::fold);
        PageBoard.Page page = board.find(pageOf(breach)).orElseThrow();
        assertThat(page.state()).isEqualTo(PageBoard.State.WITHDRAWN);
        assertThat(page.acknowledgedBy()).isEqualTo("Nora Berg");
        assertThat(page.acknowledgedAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(4)));
        assertThat(page.closedAt()).isNull();
        assertThat(page.withdrawnAt()).isEqualTo(NIGHT.plus(Duration.ofMinutes(10)));
        assertThat(board.list(PageBoard.State.OPEN)).isEmpty();
        assertThat(PageAcknowledger.whyNotOpen(page)).contains("withdrawn").contains("the deadline moved to");
    }

    @Test
    void aRevisedVerdictKeepsThePageAndItsEscalation() {
        SlaEvent breach = breachPagesNoraAt(Severity.SERIOUS);

        sla.pipeInput(ticket, correction(breach, SlaCorrectionKind.VERDICT_REVISED, SlaClockState.BREACHED,
                NIGHT.minus(Duration.ofHours(1)), null));

        assertThat(out.isEmpty()).as("the breach stands").isTrue();
        assertThat(harness.pageStates().get(ticket + "|" + pageOf(breach)).status()).isEqualTo(PageState.Status.OPEN);
        harness.advance(Duration.ofMinutes(15));
        assertThat(((PageReEscalated) out.readValue().getPayload()).getLevel()).isEqualTo(2);
        assertThat(withdrawals).isZero();
    }

    @Test
    void aMetTurnedIntoABreachPagesByTheUsualRulesSoNobodyForAnAnsweredTicket() {
        Instant respondedAt = NIGHT.minus(Duration.ofMinutes(10));
        Instant earlierDeadline = NIGHT.minus(Duration.ofMinutes(30));
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.SERIOUS, OPENED));
        tickets.pipeInput(ticket, firstResponse(ticket, customer, respondedAt));
        SlaEvent met = met(ticket, customer, Severity.SERIOUS, OPENED, NIGHT, respondedAt);
        sla.pipeInput(ticket, met);
        // a late upgrade moved the deadline before the response: the met was a breach
        sla.pipeInput(ticket, corrected(ticket, customer, Severity.SERIOUS, OPENED, earlierDeadline, met.getEventId(),
                SlaCorrectionKind.MET_WITHDRAWN, SlaClockState.BREACHED, respondedAt, NIGHT));
        sla.pipeInput(ticket, breached(ticket, customer, Severity.SERIOUS, OPENED, earlierDeadline, newId()));

        assertThat(out.isEmpty()).as("the ticket was answered; nobody needs waking").isTrue();
        assertThat(harness.pageStates()).isEmpty();

        // a ticket this service never saw answered: the breach pages as any breach does
        String unseen = newId();
        SlaEvent unseenMet = met(unseen, customer, Severity.SERIOUS, OPENED, NIGHT, respondedAt);
        sla.pipeInput(unseen, corrected(unseen, customer, Severity.SERIOUS, OPENED, earlierDeadline,
                unseenMet.getEventId(), SlaCorrectionKind.MET_WITHDRAWN, SlaClockState.BREACHED, respondedAt, NIGHT));
        sla.pipeInput(unseen, breached(unseen, customer, Severity.SERIOUS, OPENED, earlierDeadline, newId()));
        OnCallPaged paged = (OnCallPaged) out.readValue().getPayload();
        assertThat(paged.getCause()).isEqualTo(PageCause.SLA_BREACHED);
        assertThat(paged.getLevel()).isEqualTo(1);
    }

    @Test
    void theSameCorrectionOrBreachAgainEmitsNothingNew() {
        SlaEvent breach = breachPagesNoraAt(Severity.SERIOUS);
        SlaEvent withdrawal = correction(breach, SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.STOPPED, NIGHT,
                null);
        sla.pipeInput(ticket, withdrawal);
        assertThat(((PageClosed) out.readValue().getPayload()).getExplanation())
                .isEqualTo("breach withdrawn: the ticket was resolved before its deadline");

        sla.pipeInput(ticket, withdrawal);
        sla.pipeInput(ticket, breach);
        harness.advance(Duration.ofHours(1));

        assertThat(out.isEmpty()).isTrue();
        assertThat(withdrawals).isEqualTo(1);
        assertThat(harness.pageStates().get(ticket + "|" + pageOf(breach)).status())
                .isEqualTo(PageState.Status.WITHDRAWN);
    }

    @Test
    void aWithdrawnBreachThatPagedNobodyChangesNoPage() {
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, NIGHT));
        String criticalPage = ((OnCallPaged) out.readValue().getPayload()).getPageId();
        SlaEvent breach = breached(ticket, customer, Severity.CRITICAL, NIGHT, NIGHT);
        sla.pipeInput(ticket, breach);
        assertThat(out.isEmpty()).as("the ticket's page is still paging").isTrue();
        String quiet = newId();
        SlaEvent quietBreach = breached(quiet, customer, Severity.LESS_SERIOUS, OPENED, NIGHT);
        sla.pipeInput(quiet, quietBreach);

        sla.pipeInput(ticket, correction(breach, SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.MET, NIGHT, NIGHT));
        sla.pipeInput(quiet, corrected(quiet, customer, Severity.LESS_SERIOUS, OPENED, NIGHT,
                quietBreach.getEventId(), SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.MET, NIGHT, NIGHT));

        assertThat(out.isEmpty()).isTrue();
        assertThat(harness.pageStates().get(ticket + "|" + criticalPage).status()).isEqualTo(PageState.Status.OPEN);
        harness.advance(Duration.ofMinutes(15));
        assertThat(((PageReEscalated) out.readValue().getPayload()).getPageId()).isEqualTo(criticalPage);
        assertThat(withdrawals).isZero();
    }

    @Test
    void aTicketOpenedBeforeTheTermsTookEffectIsDeadLettered() {
        TestOutputTopic<String, byte[]> ticketDlt = harness.deadLetters(Topics.TICKET_EVENTS);
        tickets.pipeInput(ticket, ticketOpened(ticket, customer, Severity.CRITICAL, Instant.parse("2019-06-01T00:00:00Z")));

        assertThat(header(ticketDlt.readRecord(), DeadLetterHeaders.REASON)).contains("no policy version is in force");
        assertThat(out.isEmpty()).isTrue();
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
