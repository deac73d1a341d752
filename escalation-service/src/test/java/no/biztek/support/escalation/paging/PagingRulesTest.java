package no.biztek.support.escalation.paging;

import static no.biztek.support.escalation.TestEvents.breached;
import static no.biztek.support.escalation.TestEvents.corrected;
import static no.biztek.support.escalation.TestEvents.firstResponse;
import static no.biztek.support.escalation.TestEvents.newId;
import static no.biztek.support.escalation.TestEvents.reopened;
import static no.biztek.support.escalation.TestEvents.resolved;
import static no.biztek.support.escalation.TestEvents.severityChanged;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.event.Level;

import no.biztek.support.escalation.api.Ids;
import no.biztek.support.kafka.timer.Timer;
import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.AcknowledgementChannel;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.escalation.ReEscalationReason;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;

/**
 * The paging rules of the README ("Paging rules"), one by one, as decisions of {@link PagingRules}: no Kafka, no
 * stores. A page in a later state is got by feeding the rules their own earlier decisions.
 */
class PagingRulesTest {

    /** Tuesday 3 March 2026, 02:00 in Oslo: the week of Nora (secondary: Kari); Dina is the duty manager. */
    private static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");
    /** The same Tuesday, 11:00 in Oslo. */
    private static final Instant DAY = Instant.parse("2026-03-03T10:00:00Z");
    /** Monday 2 March 2026, 13:00 in Oslo. */
    private static final Instant OPENED = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final String TICKET = "ticket-1";
    private static final String CUSTOMER = "kunde-as";
    private static final PagingProperties PAGING = TestPaging.properties();

    private final PagingRules rules = rules(PolicyFile.defaultPolicy());

    private static PagingRules rules(PolicyHistory policies) {
        return rules(policies, PAGING.breachLevels());
    }

    private static PagingRules rules(PolicyHistory policies, BreachPaging breachPaging) {
        return new PagingRules(policies, new EscalationPolicy(PAGING.policy(), new OnCallSchedule(PAGING.schedule())),
                breachPaging, RETENTION, "escalation-service");
    }

    private static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @SuppressWarnings("unchecked")
    private static <T> T payload(EscalationEvent event) {
        return (T) event.getPayload();
    }

    private Decision opened(Severity severity, Instant at) {
        return rules.onTicketEvent(ticketOpened(TICKET, CUSTOMER, severity, at), null, List.of(), at);
    }

    private Decision breach(SlaEvent breach, TicketState ticket, List<PageState> pages, Instant now) {
        return rules.onSlaEvent(breach, ticket, pages, now);
    }

    /** The page's escalation timer (the one the decision set) fires when due. */
    private Decision timeout(Decision before) {
        PageState page = only(before.pages());
        return rules.onPageTimer(only(before.timers()), page, page.acknowledgeBy());
    }

    /** Every level of every round times out. */
    private Decision exhaust(Decision opened) {
        Decision decision = opened;
        while (!decision.timers().isEmpty()) {
            decision = timeout(decision);
        }
        assertThat(only(decision.pages()).status()).isEqualTo(PageState.Status.EXHAUSTED);
        return decision;
    }

    private Decision acknowledge(PageState page, String by, String token, Instant at) {
        EscalationEvent ack = new PageEvents("escalation-service").acknowledged(page.pageId(), page.ticketId(),
                CUSTOMER, page.level(), by, token == null ? AcknowledgementChannel.LINK : AcknowledgementChannel.API,
                at);
        return rules.onAcknowledged(ack, payload(ack), token, page);
    }

    private SlaEvent withdrawal(SlaEvent breach, SlaClockState state, Instant dueAt, Instant respondedAt,
                                Instant at) {
        return corrected(TICKET, CUSTOMER, breach.getSeverity(), OPENED, dueAt, breach.getEventId(),
                SlaCorrectionKind.BREACH_WITHDRAWN, state, respondedAt, at);
    }

    private static List<String> notes(Decision decision) {
        return decision.notes().stream().map(Decision.Note::text).toList();
    }

    // ---- a TicketOpened of a severity that pages around the clock pages level 1 at once, day or night

    @Test
    void aSeverityOneOpeningPagesLevelOneAtOnceDayOrNight() {
        for (Instant at : List.of(NIGHT, DAY)) {
            Decision decision = opened(Severity.CRITICAL, at);

            OnCallPaged paged = payload(only(decision.events()));
            assertThat(paged.getCause()).isEqualTo(PageCause.CRITICAL_TICKET_OPENED);
            assertThat(paged.getLevel()).isEqualTo(1);
            assertThat(paged.getRound()).isEqualTo(1);
            assertThat(paged.getLevelName()).isEqualTo("on-call engineer");
            assertThat(paged.getPaged().getEmail()).isEqualTo(TestPaging.NORA.email());
            assertThat(paged.getAcknowledgeBy()).isEqualTo(at.plus(Duration.ofMinutes(15)));
            PageState page = only(decision.pages());
            assertThat(page.status()).isEqualTo(PageState.Status.OPEN);
            assertThat(page.pagedAt()).isEqualTo(at);
            assertThat(only(decision.timers())).isEqualTo(
                    PageTimers.escalate(at.plus(Duration.ofMinutes(15)), TICKET, page.pageId()));
            assertThat(page.timer()).isEqualTo(only(decision.timers()));
            assertThat(decision.counts()).containsExactly(new Decision.Count.Paged(1));
            assertThat(decision.ticket()).isEqualTo(TicketState.opened(at, "CRITICAL"));
            assertThat(decision.ticketId()).isEqualTo(TICKET);
        }
    }

    @Test
    void lowerSeveritiesPageNobodyWhenOpenedButAreRemembered() {
        for (Severity severity : List.of(Severity.SERIOUS, Severity.LESS_SERIOUS)) {
            Decision decision = opened(severity, NIGHT);

            assertThat(decision.events()).isEmpty();
            assertThat(decision.pages()).isEmpty();
            assertThat(decision.ticket()).isEqualTo(TicketState.opened(NIGHT, severity.name()));
        }
    }

    @Test
    void anOpeningIsJudgedUnderThePolicyVersionInForceAtItsOpenedAt() {
        // severity 2 pages around the clock only in the version in force from 1 March 2026
        PagingRules twoVersions = rules(PolicyFile.fromClasspath("policy/two-versions.yaml"));
        Instant before = Instant.parse("2026-02-27T10:00:00Z");
        Instant after = Instant.parse("2026-03-02T10:00:00Z");

        assertThat(twoVersions.onTicketEvent(ticketOpened(TICKET, CUSTOMER, Severity.SERIOUS, before), null,
                List.of(), NIGHT).events()).isEmpty();
        assertThat(twoVersions.onTicketEvent(ticketOpened(TICKET, CUSTOMER, Severity.SERIOUS, after), null,
                List.of(), NIGHT).events()).hasSize(1);
    }

    @Test
    void theSameOpeningAgainAddsNoPageAndALateOneKeepsWhatWasRecordedBeforeIt() {
        TicketEvent opening = ticketOpened(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT);
        Decision first = rules.onTicketEvent(opening, null, List.of(), NIGHT);

        Decision again = rules.onTicketEvent(opening, first.ticket(), first.pages(), NIGHT.plusSeconds(60));
        assertThat(again.changesNothing()).isTrue();

        TicketState answered = TicketState.unknown().answeredAt(NIGHT.plusSeconds(30));
        Decision late = rules.onTicketEvent(ticketOpened(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT), answered,
                List.of(), NIGHT.plusSeconds(60));
        assertThat(late.ticket()).isEqualTo(new TicketState(NIGHT, "SERIOUS", NIGHT.plusSeconds(30), false, null));
    }

    @Test
    void anOverrideReplacesTheEngineerOnCall() {
        Instant duringOverride = Instant.parse("2026-04-01T12:00:00Z");

        OnCallPaged paged = payload(only(opened(Severity.CRITICAL, duringOverride).events()));

        assertThat(paged.getPaged().getEmail()).isEqualTo(TestPaging.SUBSTITUTE.email());
    }

    // ---- a SeverityChanged is judged under the version in force when the ticket was opened

    @Test
    void anUpgradeToSeverityOnePagesLevelOneWithCauseOther() {
        TicketEvent change = severityChanged(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT);

        Decision decision = rules.onTicketEvent(change, TicketState.opened(NIGHT.minusSeconds(3600), "SERIOUS"),
                List.of(), NIGHT);

        OnCallPaged paged = payload(only(decision.events()));
        assertThat(paged.getCause()).isEqualTo(PageCause.OTHER);
        assertThat(paged.getLevel()).isEqualTo(1);
        assertThat(paged.getSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(paged.getPageId()).isEqualTo(Ids.pageId(TICKET, "OTHER", change.getEventId()));
        assertThat(decision.ticket().severity()).isEqualTo("CRITICAL");
    }

    @Test
    void anUpgradeOfAResolvedTicketPagesNobody() {
        TicketState resolvedTicket = TicketState.opened(NIGHT.minusSeconds(3600), "SERIOUS")
                .resolvedAt(NIGHT.minusSeconds(1800), NIGHT.minusSeconds(1800).plus(RETENTION));

        Decision decision = rules.onTicketEvent(severityChanged(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT),
                resolvedTicket, List.of(), NIGHT);

        assertThat(decision.events()).isEmpty();
        assertThat(decision.ticket().severity()).isEqualTo("CRITICAL");
        assertThat(decision.notes()).extracting(Decision.Note::level).containsExactly(Level.INFO);
        assertThat(notes(decision)).singleElement().asString().contains("is resolved");
    }

    @Test
    void aDowngradeFromSeverityOneClosesEveryPageStillAwaitingAnAcknowledgement() {
        Decision criticalOpened = opened(Severity.CRITICAL, NIGHT);
        PageState exhausted = only(exhaust(criticalOpened).pages());
        Instant later = exhausted.endedAt().plus(Duration.ofMinutes(10));
        PageState breachPage = only(breach(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT),
                criticalOpened.ticket(), List.of(exhausted), later).pages());
        Instant now = later.plus(Duration.ofMinutes(5));

        Decision decision = rules.onTicketEvent(severityChanged(TICKET, CUSTOMER, Severity.SERIOUS, now),
                criticalOpened.ticket(), List.of(exhausted, breachPage), now);

        assertThat(decision.events()).extracting(e -> ((PageClosed) e.getPayload()).getPageId())
                .containsExactly(exhausted.pageId(), breachPage.pageId());
        assertThat(decision.events()).extracting(e -> ((PageClosed) e.getPayload()).getReason(),
                e -> ((PageClosed) e.getPayload()).getExplanation()).containsOnly(tuple(
                PageCloseReason.SEVERITY_DOWNGRADED, "severity changed to 2, which does not page around the clock"));
        assertThat(decision.pages()).extracting(PageState::status, PageState::endedAt)
                .containsOnly(tuple(PageState.Status.CLOSED, now));
        assertThat(decision.cancelledTimers()).containsExactly(breachPage.timer());
        assertThat(decision.timers()).containsExactly(
                PageTimers.purgePage(now.plus(RETENTION), TICKET, exhausted.pageId()),
                PageTimers.purgePage(now.plus(RETENTION), TICKET, breachPage.pageId()));
        assertThat(decision.ticket().severity()).isEqualTo("SERIOUS");
    }

    @Test
    void aChangeBetweenSeveritiesThatBothDoOrBothDoNotPageAroundTheClockChangesNoPage() {
        Decision critical = opened(Severity.CRITICAL, NIGHT);
        Decision stillCritical = rules.onTicketEvent(severityChanged(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT),
                critical.ticket(), critical.pages(), NIGHT);
        assertThat(stillCritical.events()).isEmpty();
        assertThat(stillCritical.pages()).isEmpty();

        Decision breachPage = breach(breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT), null, List.of(),
                NIGHT);
        Decision lower = rules.onTicketEvent(severityChanged(TICKET, CUSTOMER, Severity.LESS_SERIOUS, NIGHT),
                TicketState.opened(OPENED, "SERIOUS"), breachPage.pages(), NIGHT);
        assertThat(lower.events()).isEmpty();
        assertThat(lower.pages()).isEmpty();
        assertThat(lower.timers()).isEmpty();
        assertThat(lower.ticket().severity()).isEqualTo("LESS_SERIOUS");
    }

    @Test
    void aSeverityChangeIsJudgedUnderThePolicyVersionInForceWhenTheTicketWasOpened() {
        PagingRules twoVersions = rules(PolicyFile.fromClasspath("policy/two-versions.yaml"));
        TicketEvent change = severityChanged(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT);

        assertThat(twoVersions.onTicketEvent(change, TicketState.opened(Instant.parse("2026-02-27T10:00:00Z"),
                "LESS_SERIOUS"), List.of(), NIGHT).events()).as("opened under the published terms").isEmpty();
        assertThat(twoVersions.onTicketEvent(change, TicketState.opened(Instant.parse("2026-03-02T10:00:00Z"),
                "LESS_SERIOUS"), List.of(), NIGHT).events()).hasSize(1);
    }

    @Test
    void aTicketWhoseOpeningWasNeverSeenIsJudgedAtTheChangeAndItsOpenPagesTellItsSeverity() {
        Decision upgrade = rules.onTicketEvent(severityChanged(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT), null,
                List.of(), NIGHT);
        assertThat(upgrade.events()).hasSize(1);
        assertThat(upgrade.notes()).extracting(Decision.Note::level).containsExactly(Level.WARN);
        assertThat(upgrade.ticket()).isEqualTo(new TicketState(null, "CRITICAL", null, false, null));

        PageState criticalBreachPage = only(breach(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT), null,
                List.of(), NIGHT).pages());
        Decision downgrade = rules.onTicketEvent(severityChanged(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT), null,
                List.of(criticalBreachPage), NIGHT);
        assertThat(only(downgrade.pages()).status()).isEqualTo(PageState.Status.CLOSED);

        // judged under the version in force at the change: severity 2 pages at night from 1 March 2026
        Decision underChangeVersion = rules(PolicyFile.fromClasspath("policy/two-versions.yaml")).onTicketEvent(
                severityChanged(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT), null, List.of(), NIGHT);
        assertThat(underChangeVersion.events()).hasSize(1);
    }

    // ---- an SlaBreached pages at the level configured for its severity, unless the ticket was answered or resolved

    @Test
    void aBreachPagesFromTheLevelConfiguredForItsSeverity() {
        OnCallPaged critical = payload(only(breach(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT), null,
                List.of(), NIGHT).events()));
        OnCallPaged serious = payload(only(breach(breached(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT, NIGHT), null,
                List.of(), NIGHT).events()));
        Decision lessSerious = breach(breached(TICKET, CUSTOMER, Severity.LESS_SERIOUS, NIGHT, NIGHT), null,
                List.of(), NIGHT);

        assertThat(critical.getCause()).isEqualTo(PageCause.SLA_BREACHED);
        assertThat(critical.getLevel()).isEqualTo(2);
        assertThat(critical.getLevelName()).isEqualTo("secondary");
        assertThat(critical.getPaged().getEmail()).isEqualTo(TestPaging.KARI.email());
        assertThat(serious.getLevel()).isEqualTo(1);
        assertThat(serious.getPaged().getEmail()).isEqualTo(TestPaging.NORA.email());
        assertThat(lessSerious.changesNothing()).as("breach-paging lists no level for severity 3").isTrue();
    }

    @Test
    void aBreachOfAnAnsweredOrResolvedTicketPagesNobody() {
        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT, NIGHT.plusSeconds(4 * 3600));
        TicketState answered = TicketState.opened(NIGHT, "SERIOUS").answeredAt(NIGHT.plusSeconds(300));
        TicketState resolvedTicket = TicketState.opened(NIGHT, "SERIOUS").resolvedAt(NIGHT.plusSeconds(300),
                NIGHT.plusSeconds(300).plus(RETENTION));

        Decision ofAnswered = breach(breach, answered, List.of(), NIGHT.plusSeconds(4 * 3600));
        Decision ofResolved = breach(breach, resolvedTicket, List.of(), NIGHT.plusSeconds(4 * 3600));

        assertThat(ofAnswered.changesNothing()).isTrue();
        assertThat(notes(ofAnswered)).singleElement().asString().contains("answered at");
        assertThat(ofResolved.changesNothing()).isTrue();
        assertThat(notes(ofResolved)).singleElement().asString().contains("resolved");
    }

    @Test
    void aReopenedTicketIsPagedForItsBreachAgain() {
        Decision opening = opened(Severity.SERIOUS, NIGHT);
        Decision answer = rules.onTicketEvent(firstResponse(TICKET, CUSTOMER, NIGHT.plusSeconds(300)),
                opening.ticket(), List.of(), NIGHT.plusSeconds(300));
        Decision resolution = rules.onTicketEvent(resolved(TICKET, CUSTOMER, NIGHT.plusSeconds(600)), answer.ticket(),
                List.of(), NIGHT.plusSeconds(600));

        Decision reopening = rules.onTicketEvent(reopened(TICKET, CUSTOMER, NIGHT.plusSeconds(1200)),
                resolution.ticket(), List.of(), NIGHT.plusSeconds(1200));

        assertThat(reopening.ticket().answered()).isFalse();
        assertThat(reopening.ticket().purgeAt()).isNull();
        assertThat(reopening.cancelledTimers()).containsExactly(resolution.ticket().purgeTimer(TICKET));
        OnCallPaged paged = payload(only(breach(breached(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT,
                NIGHT.plusSeconds(4 * 3600)), reopening.ticket(), List.of(), NIGHT.plusSeconds(4 * 3600)).events()));
        assertThat(paged.getLevel()).isEqualTo(1);
    }

    @Test
    void aFirstResponseBreachOfAnotherPlanPagesByItsSeverityAsAnyBreach() {
        SlaEvent other = breached(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT, NIGHT);
        other.setPlan("premium");

        OnCallPaged paged = payload(only(breach(other, null, List.of(), NIGHT).events()));

        assertThat(paged.getLevel()).isEqualTo(1);
    }

    @Test
    void aResolutionBreachPagesNobodyEvenOfAnUnansweredCriticalTicket() {
        SlaEvent resolution = breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT);
        resolution.setMetric("resolution");

        Decision decision = breach(resolution, null, List.of(), NIGHT);

        assertThat(decision.events()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CRITICAL", "SERIOUS", "LESS_SERIOUS"})
    void byDefaultNoResolutionBreachPagesAndTheNoteSaysWhy(String severity) {
        SlaEvent resolution = resolutionBreach(Severity.valueOf(severity));

        Decision decision = breach(resolution, null, List.of(), NIGHT);

        assertThat(decision.changesNothing()).isTrue();
        assertThat(notes(decision)).singleElement().asString().contains("(resolution, " + severity + ") pages nobody");
    }

    @Test
    void aResolutionBreachPagesFromTheConfiguredLevelWhateverTheFirstResponse() {
        PagingRules configured = rules(PolicyFile.defaultPolicy(), resolutionPaging(
                no.biztek.support.policy.Severity.SERIOUS, 3));
        TicketState answered = TicketState.opened(OPENED, "SERIOUS").answeredAt(OPENED.plusSeconds(300));

        Decision unanswered = configured.onSlaEvent(resolutionBreach(Severity.SERIOUS), null, List.of(), NIGHT);
        Decision ofAnswered = configured.onSlaEvent(resolutionBreach(Severity.SERIOUS), answered, List.of(), NIGHT);
        Decision lessSerious = configured.onSlaEvent(resolutionBreach(Severity.LESS_SERIOUS), answered, List.of(),
                NIGHT);

        for (Decision decision : List.of(unanswered, ofAnswered)) {
            OnCallPaged paged = payload(only(decision.events()));
            assertThat(paged.getCause()).isEqualTo(PageCause.SLA_BREACHED);
            assertThat(paged.getLevel()).isEqualTo(3);
            assertThat(paged.getPaged().getEmail()).isEqualTo(TestPaging.DINA.email());
            assertThat(only(decision.pages()).pageId())
                    .isEqualTo(Ids.pageId(TICKET, "SLA_BREACHED", resolutionBreach(Severity.SERIOUS).getEventId()));
        }
        assertThat(lessSerious.changesNothing()).as("no level configured for severity 3").isTrue();
    }

    @Test
    void aResolutionBreachOfAResolvedTicketPagesNobodyButAReopenedOneIsPagedAgain() {
        PagingRules configured = rules(PolicyFile.defaultPolicy(), resolutionPaging(
                no.biztek.support.policy.Severity.SERIOUS, 1));
        TicketState resolvedTicket = TicketState.opened(OPENED, "SERIOUS").resolvedAt(NIGHT.minusSeconds(60),
                NIGHT.minusSeconds(60).plus(RETENTION));

        Decision ofResolved = configured.onSlaEvent(resolutionBreach(Severity.SERIOUS), resolvedTicket, List.of(),
                NIGHT);
        Decision ofReopened = configured.onSlaEvent(resolutionBreach(Severity.SERIOUS), resolvedTicket.reopened(),
                List.of(), NIGHT);

        assertThat(ofResolved.changesNothing()).isTrue();
        assertThat(notes(ofResolved)).singleElement().asString().contains("(resolution) ignored")
                .contains("resolved");
        assertThat(((OnCallPaged) payload(only(ofReopened.events()))).getLevel()).isEqualTo(1);
    }

    @Test
    void resolutionPagingChangesNothingForFirstResponseBreaches() {
        PagingRules configured = rules(PolicyFile.defaultPolicy(), resolutionPaging(
                no.biztek.support.policy.Severity.LESS_SERIOUS, 1));
        TicketState answered = TicketState.opened(NIGHT, "SERIOUS").answeredAt(NIGHT.plusSeconds(300));

        OnCallPaged critical = payload(only(configured.onSlaEvent(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT,
                NIGHT), null, List.of(), NIGHT).events()));
        Decision lessSerious = configured.onSlaEvent(breached(TICKET, CUSTOMER, Severity.LESS_SERIOUS, NIGHT, NIGHT),
                null, List.of(), NIGHT);
        Decision ofAnswered = configured.onSlaEvent(breached(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT, NIGHT),
                answered, List.of(), NIGHT);

        assertThat(critical.getLevel()).isEqualTo(2);
        assertThat(lessSerious.changesNothing()).as("first response of severity 3 is still not listed").isTrue();
        assertThat(ofAnswered.changesNothing()).isTrue();
        assertThat(notes(ofAnswered)).singleElement().asString().contains("answered at");
    }

    @Test
    void aWithdrawnResolutionBreachWithdrawsItsPage() {
        PagingRules configured = rules(PolicyFile.defaultPolicy(), resolutionPaging(
                no.biztek.support.policy.Severity.SERIOUS, 1));
        SlaEvent breach = resolutionBreach(Severity.SERIOUS);
        PageState page = only(configured.onSlaEvent(breach, null, List.of(), NIGHT).pages());
        SlaEvent withdrawal = withdrawal(breach, SlaClockState.RUNNING, NIGHT.plusSeconds(3600), null,
                NIGHT.plusSeconds(600));
        withdrawal.setMetric("resolution");

        Decision decision = configured.onSlaEvent(withdrawal, null, List.of(page), NIGHT.plusSeconds(600));

        assertThat(((PageClosed) payload(only(decision.events()))).getReason())
                .isEqualTo(PageCloseReason.CAUSE_WITHDRAWN);
        assertThat(only(decision.pages()).status()).isEqualTo(PageState.Status.WITHDRAWN);
    }

    private static SlaEvent resolutionBreach(Severity severity) {
        SlaEvent resolution = breached(TICKET, CUSTOMER, severity, OPENED, NIGHT,
                Ids.eventId(TICKET, "resolution-breached"));
        resolution.setMetric("resolution");
        return resolution;
    }

    /** The test configuration's first-response paging, and one resolution severity from a level. */
    private static BreachPaging resolutionPaging(no.biztek.support.policy.Severity severity, int level) {
        return new BreachPaging(Map.of(Metric.FIRST_RESPONSE, PAGING.breachPaging(),
                Metric.RESOLUTION, Map.of(severity, level)));
    }

    // ---- a ticket has at most one page paging at a time; an exhausted page does not block a new trigger

    @Test
    void aTriggerWhileAPageOfTheTicketIsPagingAddsNoPage() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);

        Decision decision = breach(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT), opening.ticket(),
                opening.pages(), NIGHT);

        assertThat(decision.changesNothing()).isTrue();
        assertThat(notes(decision)).singleElement().asString()
                .contains("already has page " + only(opening.pages()).pageId());
    }

    @Test
    void anExhaustedPageDoesNotBlockANewTrigger() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        PageState exhausted = only(exhaust(opening).pages());

        Decision decision = breach(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT), opening.ticket(),
                List.of(exhausted), exhausted.endedAt().plusSeconds(60));

        assertThat(((OnCallPaged) payload(only(decision.events()))).getCause()).isEqualTo(PageCause.SLA_BREACHED);
    }

    // ---- a level not acknowledged in time moves the page on: level by level, round by round, then exhausted

    @Test
    void anUnacknowledgedPageMovesThroughEveryLevelAndRoundThenStopsPaging() {
        Decision decision = opened(Severity.CRITICAL, NIGHT);
        List<Object> steps = new ArrayList<>();
        List<Decision.Count> counts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Timer before = only(decision.pages()).timer();
            decision = timeout(decision);
            PageReEscalated moved = payload(only(decision.events()));
            assertThat(moved.getReason()).isEqualTo(ReEscalationReason.ACKNOWLEDGEMENT_TIMEOUT);
            assertThat(decision.cancelledTimers()).containsExactly(before);
            steps.add(tuple(moved.getFromLevel(), moved.getLevel(), moved.getRound(), moved.getPaged().getEmail(),
                    Duration.between(NIGHT, moved.getAcknowledgeBy()).toMinutes()));
            counts.addAll(decision.counts());
        }
        assertThat(steps).containsExactly(
                tuple(1, 2, 1, TestPaging.KARI.email(), 30L),
                tuple(2, 3, 1, TestPaging.DINA.email(), 60L),
                tuple(3, 1, 2, TestPaging.NORA.email(), 75L),
                tuple(1, 2, 2, TestPaging.KARI.email(), 90L),
                tuple(2, 3, 2, TestPaging.DINA.email(), 120L));
        assertThat(counts).extracting(c -> ((Decision.Count.Paged) c).level()).containsExactly(2, 3, 1, 2, 3);

        Decision last = timeout(decision);

        assertThat(last.events()).as("after the last round paging stops").isEmpty();
        assertThat(last.timers()).isEmpty();
        PageState exhausted = only(last.pages());
        assertThat(exhausted.status()).isEqualTo(PageState.Status.EXHAUSTED);
        assertThat(exhausted.status().awaitsAcknowledgement()).isTrue();
        assertThat(exhausted.timer()).isNull();
        assertThat(last.notes()).extracting(Decision.Note::level).containsExactly(Level.WARN);
    }

    @Test
    void aRoundThatStartedAboveLevelOneStartsThereAgain() {
        Decision decision = breach(breached(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT, NIGHT), null, List.of(),
                NIGHT);
        decision = timeout(timeout(decision));

        PageReEscalated nextRound = payload(only(decision.events()));
        assertThat(nextRound.getRound()).isEqualTo(2);
        assertThat(nextRound.getLevel()).isEqualTo(2);
    }

    @Test
    void eachLevelsTimeCountsFromWhenThatLevelWasPaged() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        Instant late = NIGHT.plus(Duration.ofMinutes(20));

        Decision decision = rules.onPageTimer(only(opening.timers()), only(opening.pages()), late);

        PageState moved = only(decision.pages());
        assertThat(moved.pagedAt()).isEqualTo(NIGHT);
        assertThat(moved.levelPagedAt()).isEqualTo(late);
        assertThat(moved.acknowledgeBy()).isEqualTo(late.plus(Duration.ofMinutes(15)));
        assertThat(only(decision.timers())).isEqualTo(
                PageTimers.escalate(late.plus(Duration.ofMinutes(15)), TICKET, moved.pageId()));
    }

    @Test
    void aTimerThePageNoLongerHasDoesNothing() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        Timer timer = only(opening.timers());
        PageState acknowledged = only(acknowledge(only(opening.pages()), "Nora Berg", null,
                NIGHT.plusSeconds(60)).pages());
        PageState movedOn = only(timeout(opening).pages());

        Instant due = NIGHT.plus(Duration.ofMinutes(15));
        assertThat(rules.onPageTimer(timer, acknowledged, due).changesNothing()).isTrue();
        assertThat(rules.onPageTimer(timer, movedOn, due).changesNothing()).isTrue();
        assertThat(rules.onPageTimer(timer, null, due).changesNothing()).isTrue();
    }

    // ---- a first response, a resolution (or a downgrade from 1) closes the open and exhausted pages

    @Test
    void aFirstResponseClosesTheOpenAndExhaustedPagesOfTheTicketAndMarksItAnswered() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        PageState exhausted = only(exhaust(opening).pages());
        PageState acknowledged = only(acknowledge(only(breach(breached(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT,
                NIGHT), opening.ticket(), List.of(exhausted), NIGHT).pages()), "Nora Berg", null, NIGHT).pages());
        Instant at = NIGHT.plus(Duration.ofMinutes(130));

        Decision decision = rules.onTicketEvent(firstResponse(TICKET, CUSTOMER, at), opening.ticket(),
                List.of(exhausted, acknowledged), at);

        PageClosed closed = payload(only(decision.events()));
        assertThat(closed.getPageId()).isEqualTo(exhausted.pageId());
        assertThat(closed.getReason()).isEqualTo(PageCloseReason.FIRST_RESPONSE);
        assertThat(closed.getExplanation()).isEqualTo("first response by Kari at 04:10");
        assertThat(closed.getSupersededEventId()).isNull();
        assertThat(closed.getPagedPeople()).extracting(Person::getEmail)
                .containsExactly(TestPaging.NORA.email(), TestPaging.KARI.email(), TestPaging.DINA.email());
        assertThat(only(decision.pages()).status()).isEqualTo(PageState.Status.CLOSED);
        assertThat(decision.ticket().answeredAt()).isEqualTo(at);
    }

    @Test
    void aResolutionClosesThePagesAndTheTicketIsForgottenAfterTheRetention() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        Instant at = NIGHT.plus(Duration.ofMinutes(10));

        Decision resolution = rules.onTicketEvent(resolved(TICKET, CUSTOMER, at), opening.ticket(), opening.pages(),
                at);

        PageClosed closed = payload(only(resolution.events()));
        assertThat(closed.getReason()).isEqualTo(PageCloseReason.RESOLVED);
        assertThat(closed.getExplanation()).isEqualTo("the ticket was resolved at 02:10");
        Timer purge = PageTimers.purgeTicket(at.plus(RETENTION), TICKET);
        assertThat(resolution.timers()).contains(purge);
        assertThat(resolution.ticket().resolved()).isTrue();
        assertThat(resolution.ticket().purgeTimer(TICKET)).isEqualTo(purge);

        Decision again = rules.onTicketEvent(resolved(TICKET, CUSTOMER, at), resolution.ticket(), List.of(),
                at.plusSeconds(60));
        assertThat(again.cancelledTimers()).as("a new resolution replaces the purge").containsExactly(purge);

        assertThat(rules.onTicketTimer(purge, resolution.ticket()).forgetTicket()).isTrue();
        assertThat(rules.onTicketTimer(purge, again.ticket()).forgetTicket()).as("not its timer any more").isFalse();
        TicketState reopenedTicket = resolution.ticket().reopened();
        assertThat(rules.onTicketTimer(purge, reopenedTicket).forgetTicket()).isFalse();
    }

    @Test
    void anEndedPageIsLeftAloneByAnotherEnding() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        PageState acknowledged = only(acknowledge(only(opening.pages()), "Nora Berg", null, NIGHT).pages());

        Decision decision = rules.onTicketEvent(firstResponse(TICKET, CUSTOMER, NIGHT.plusSeconds(60)),
                opening.ticket(), List.of(acknowledged), NIGHT.plusSeconds(60));

        assertThat(decision.events()).isEmpty();
        assertThat(decision.pages()).isEmpty();
    }

    // ---- an acknowledgement ends the page; a delivery failure moves it on at once

    @Test
    void anAcknowledgementEndsThePageAndCountsTheTimeSinceTheFirstPage() {
        Decision moved = timeout(opened(Severity.CRITICAL, NIGHT));
        PageState page = only(moved.pages());
        Instant at = NIGHT.plus(Duration.ofMinutes(16));

        Decision decision = acknowledge(page, "Kari Nordmann", "desk", at);

        assertThat(decision.events()).isEmpty();
        PageState acknowledged = only(decision.pages());
        assertThat(acknowledged.status()).isEqualTo(PageState.Status.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("Kari Nordmann");
        assertThat(acknowledged.acknowledgedVia()).isEqualTo("API");
        assertThat(acknowledged.acknowledgedByToken()).isEqualTo("desk");
        assertThat(acknowledged.endedAt()).isEqualTo(at);
        assertThat(decision.cancelledTimers()).containsExactly(page.timer());
        assertThat(decision.timers()).containsExactly(PageTimers.purgePage(at.plus(RETENTION), TICKET, page.pageId()));
        assertThat(decision.counts()).containsExactly(new Decision.Count.Acknowledged(2, Duration.ofMinutes(16)));

        assertThat(acknowledge(acknowledged, "Ola Hansen", null, at).changesNothing()).as("the first one counts")
                .isTrue();
        assertThat(acknowledge(only(exhaust(moved).pages()), "Dina Vakt", null, at.plusSeconds(7200)).pages())
                .as("an exhausted page still awaits one").extracting(PageState::status)
                .containsExactly(PageState.Status.ACKNOWLEDGED);
    }

    @Test
    void aDeliveryFailureMovesThePageOnAtOnceButOnlyFromItsCurrentLevelAndRound() {
        PageState page = only(opened(Severity.CRITICAL, NIGHT).pages());
        Instant at = NIGHT.plus(Duration.ofMinutes(1));
        PageCommand failed = new PageCommand(PageCommand.Type.DELIVERY_FAILED, page.pageId(), TICKET, 1, 1,
                "webhook: HTTP 500", at);

        Decision decision = rules.onCommand(failed, page, at);

        PageReEscalated moved = payload(only(decision.events()));
        assertThat(moved.getReason()).isEqualTo(ReEscalationReason.DELIVERY_FAILED);
        assertThat(moved.getLevel()).isEqualTo(2);
        assertThat(moved.getAcknowledgeBy()).isEqualTo(NIGHT.plus(Duration.ofMinutes(16)));
        assertThat(decision.notes()).extracting(Decision.Note::level).containsExactly(Level.WARN);
        assertThat(rules.onCommand(failed, only(decision.pages()), at).changesNothing()).isTrue();
        assertThat(rules.onCommand(failed, only(acknowledge(page, "Nora Berg", null, at).pages()), at)
                .changesNothing()).isTrue();
        assertThat(rules.onCommand(failed, null, at).changesNothing()).isTrue();
    }

    // ---- a breach corrected away (BREACH_WITHDRAWN) withdraws its page, in whatever state

    /** The page of a severity-2 breach at NIGHT (Nora, level 1), in the named state. */
    private PageState breachPageIn(String state, SlaEvent breach) {
        Decision paged = breach(breach, null, List.of(), NIGHT);
        return switch (state) {
            case "paging" -> only(timeout(paged).pages());
            case "exhausted" -> only(exhaust(paged).pages());
            case "acknowledged" -> only(acknowledge(only(paged.pages()), "Nora Berg", null,
                    NIGHT.plus(Duration.ofMinutes(4))).pages());
            case "closed" -> only(rules.onTicketEvent(firstResponse(TICKET, CUSTOMER, NIGHT.minusSeconds(300)), null,
                    paged.pages(), NIGHT.plus(Duration.ofMinutes(15))).pages());
            default -> throw new IllegalArgumentException(state);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"paging", "exhausted", "acknowledged", "closed"})
    void aWithdrawnBreachWithdrawsItsPageAndTellsEveryonePaged(String state) {
        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT);
        PageState page = breachPageIn(state, breach);
        Instant now = NIGHT.plus(Duration.ofHours(3));

        Decision decision = rules.onSlaEvent(withdrawal(breach, SlaClockState.MET, NIGHT, NIGHT.minusSeconds(300),
                now), null, List.of(page), now);

        PageClosed closed = payload(only(decision.events()));
        assertThat(closed.getPageId()).isEqualTo(Ids.pageId(TICKET, "SLA_BREACHED", breach.getEventId()));
        assertThat(closed.getReason()).isEqualTo(PageCloseReason.CAUSE_WITHDRAWN);
        assertThat(closed.getSupersededEventId()).isEqualTo(breach.getEventId());
        assertThat(closed.getExplanation()).isEqualTo("breach withdrawn: first response recorded at 01:55");
        assertThat(closed.getPagedPeople()).extracting(Person::getEmail)
                .isEqualTo(page.everyonePaged().stream().map(PageState.Paged::email).toList());
        PageState withdrawn = only(decision.pages());
        assertThat(withdrawn.status()).isEqualTo(PageState.Status.WITHDRAWN);
        assertThat(withdrawn.withdrawnAt()).isEqualTo(now);
        assertThat(withdrawn.withdrawal()).isEqualTo(closed.getExplanation());
        assertThat(withdrawn.acknowledgedBy()).isEqualTo(page.acknowledgedBy());
        assertThat(decision.cancelledTimers()).as("its timer stops")
                .isEqualTo(page.timer() == null ? List.of() : List.of(page.timer()));
        Timer purge = PageTimers.purgePage(now.plus(RETENTION), TICKET, page.pageId());
        assertThat(decision.timers()).as("forgotten after the retention from the withdrawal").containsExactly(purge);
        assertThat(withdrawn.timer()).isEqualTo(purge);
        assertThat(decision.counts()).containsExactly(new Decision.Count.Withdrawn());
    }

    @Test
    void everyonePagedAcrossLevelsAndRoundsIsToldEachOnceInTheOrderFirstPaged() {
        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT);
        PageState exhausted = breachPageIn("exhausted", breach);
        Instant now = NIGHT.plus(Duration.ofHours(3));

        PageClosed closed = payload(only(rules.onSlaEvent(withdrawal(breach, SlaClockState.STOPPED, NIGHT, null, now),
                null, List.of(exhausted), now).events()));

        assertThat(closed.getPagedPeople()).extracting(Person::getName, Person::getEmail).containsExactly(
                tuple(TestPaging.NORA.name(), TestPaging.NORA.email()),
                tuple(TestPaging.KARI.name(), TestPaging.KARI.email()),
                tuple(TestPaging.DINA.name(), TestPaging.DINA.email()));
        assertThat(closed.getExplanation()).isEqualTo("breach withdrawn: the ticket was resolved before its deadline");
    }

    @Test
    void theWithdrawalSaysWhyByTheClocksStateAfterTheCorrectionInTheSchedulesZone() {
        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT);
        PageState page = breachPageIn("acknowledged", breach);
        Instant now = NIGHT.plus(Duration.ofMinutes(10));

        PageClosed closed = payload(only(rules.onSlaEvent(withdrawal(breach, SlaClockState.RUNNING,
                Instant.parse("2026-03-03T13:00:00Z"), null, now), null, List.of(page), now).events()));

        assertThat(closed.getExplanation()).isEqualTo("breach withdrawn: the deadline moved to 3.3.2026 14:00");
    }

    @Test
    void aWithdrawnBreachThatPagedNobodyOrWhosePageWasWithdrawnBeforeChangesNothing() {
        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT);
        SlaEvent correction = withdrawal(breach, SlaClockState.MET, NIGHT, NIGHT, NIGHT);
        PageState other = only(opened(Severity.CRITICAL, NIGHT).pages());

        Decision pagedNobody = rules.onSlaEvent(correction, null, List.of(other), NIGHT);
        assertThat(pagedNobody.changesNothing()).isTrue();
        assertThat(notes(pagedNobody)).singleElement().asString().contains("paged nobody");

        PageState withdrawn = only(rules.onSlaEvent(correction, null, List.of(breachPageIn("paging", breach)), NIGHT)
                .pages());
        Decision replay = rules.onSlaEvent(correction, null, List.of(withdrawn), NIGHT.plusSeconds(60));
        assertThat(replay.changesNothing()).isTrue();
        assertThat(notes(replay)).singleElement().asString().contains("was withdrawn before");
        assertThat(breach(breach, null, List.of(withdrawn), NIGHT.plusSeconds(60)).changesNothing())
                .as("the breach replayed").isTrue();
    }

    @Test
    void otherCorrectionsChangeNoPageAndTheBreachAfterAMetWithdrawnPagesByTheUsualRules() {
        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT);
        PageState page = breachPageIn("paging", breach);
        for (SlaCorrectionKind kind : List.of(SlaCorrectionKind.VERDICT_REVISED, SlaCorrectionKind.MET_WITHDRAWN)) {
            SlaEvent correction = corrected(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT, breach.getEventId(),
                    kind, SlaClockState.BREACHED, null, NIGHT);

            Decision decision = rules.onSlaEvent(correction, null, List.of(page), NIGHT);

            assertThat(decision.changesNothing()).as(kind.name()).isTrue();
            assertThat(notes(decision)).singleElement().asString().contains("no page changes");
        }

        SlaEvent nextBreach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT, newId());
        TicketState answered = TicketState.opened(OPENED, "SERIOUS").answeredAt(NIGHT.minusSeconds(600));
        assertThat(breach(nextBreach, answered, List.of(), NIGHT).changesNothing()).isTrue();
        assertThat(breach(nextBreach, null, List.of(), NIGHT).events()).hasSize(1);
    }

    // ---- ended pages are forgotten after the retention from their end

    @Test
    void anEndedPageIsForgottenAfterTheRetentionFromItsEndButNeverOneThatStillAwaitsAnAcknowledgement() {
        Decision opening = opened(Severity.CRITICAL, NIGHT);
        Instant at = NIGHT.plus(Duration.ofMinutes(4));
        Decision acknowledgement = acknowledge(only(opening.pages()), "Nora Berg", null, at);
        Timer purge = only(acknowledgement.timers());
        assertThat(purge).isEqualTo(PageTimers.purgePage(at.plus(RETENTION), TICKET, only(opening.pages()).pageId()));

        Decision decision = rules.onPageTimer(purge, only(acknowledgement.pages()), at.plus(RETENTION));

        assertThat(decision.purgedPages()).containsExactly(only(acknowledgement.pages()));
        assertThat(decision.events()).isEmpty();
        PageState open = only(opening.pages());
        assertThat(rules.onPageTimer(new Timer(open.timerAt(), PageTimers.PURGE_PAGE, open.timer().key()), open, at)
                .changesNothing()).isTrue();
    }

    // ---- ids derive from the page, so a replay gives the same ones

    @Test
    void pageAndEventIdsDeriveFromTheTicketTheCauseAndTheTriggeringEvent() {
        TicketEvent opening = ticketOpened(TICKET, CUSTOMER, Severity.CRITICAL, NIGHT);
        Decision first = rules.onTicketEvent(opening, null, List.of(), NIGHT);
        Decision replayed = rules.onTicketEvent(opening, null, List.of(), NIGHT);
        String pageId = Ids.pageId(TICKET, "CRITICAL_TICKET_OPENED", opening.getEventId());

        assertThat(only(first.pages()).pageId()).isEqualTo(pageId);
        assertThat(only(first.events()).getEventId()).isEqualTo(Ids.eventId(pageId, "paged"))
                .isEqualTo(only(replayed.events()).getEventId());
        Decision moved = timeout(first);
        assertThat(only(moved.events()).getEventId()).isEqualTo(Ids.eventId(pageId, "re-escalated|2|1"));

        SlaEvent breach = breached(TICKET, CUSTOMER, Severity.SERIOUS, OPENED, NIGHT);
        PageState closed = breachPageIn("closed", breach);
        EscalationEvent withdrawn = only(rules.onSlaEvent(withdrawal(breach, SlaClockState.MET, NIGHT, NIGHT, NIGHT),
                null, List.of(closed), NIGHT).events());
        assertThat(withdrawn.getEventId()).as("one PageClosed per page and reason")
                .isEqualTo(Ids.eventId(closed.pageId(), "closed|CAUSE_WITHDRAWN"))
                .isNotEqualTo(Ids.eventId(closed.pageId(), "closed|FIRST_RESPONSE"));
    }
}
