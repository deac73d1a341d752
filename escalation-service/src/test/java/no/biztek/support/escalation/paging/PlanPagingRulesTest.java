package no.biztek.support.escalation.paging;

import static no.biztek.support.escalation.TestEvents.severityChanged;
import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;

/**
 * Paging under the ticket's plan (policy/plans.yaml: severity 2 pages around the clock in "around-the-clock", not
 * in the default plan "standard"), as decisions of {@link PagingRules}.
 */
class PlanPagingRulesTest {

    /** Tuesday 3 March 2026, 02:00 in Oslo. */
    private static final Instant NIGHT = Instant.parse("2026-03-03T01:00:00Z");
    /** Monday 2 March 2026, 13:00 in Oslo. */
    private static final Instant OPENED = Instant.parse("2026-03-02T12:00:00Z");
    private static final String TICKET = "ticket-1";
    private static final String CUSTOMER = "kunde-as";
    private static final PagingProperties PAGING = TestPaging.properties();

    private final PagingRules rules = new PagingRules(PolicyFile.catalogueFromClasspath("policy/plans.yaml"),
            new EscalationPolicy(PAGING.policy(), new OnCallSchedule(PAGING.schedule())), PAGING.breachLevels(),
            Duration.ofDays(30), "escalation-service");

    private static TicketEvent opened(Severity severity, String plan, Instant at) {
        TicketEvent event = ticketOpened(TICKET, CUSTOMER, severity, at);
        ((TicketOpened) event.getPayload()).setPlan(plan);
        return event;
    }

    @Test
    void aSeverityWhosePlanPagesAroundTheClockPagesAtNightWhileTheDefaultPlansDoesNot() {
        Decision aroundTheClock = rules.onTicketEvent(opened(Severity.SERIOUS, "around-the-clock", NIGHT), null,
                List.of(), NIGHT);
        OnCallPaged paged = (OnCallPaged) aroundTheClock.events().get(0).getPayload();
        assertThat(aroundTheClock.events()).hasSize(1);
        assertThat(paged.getCause()).isEqualTo(PageCause.CRITICAL_TICKET_OPENED);
        assertThat(paged.getLevel()).isEqualTo(1);
        assertThat(aroundTheClock.ticket()).isEqualTo(TicketState.opened(NIGHT, "SERIOUS", "around-the-clock"));

        for (String plan : new String[] {"standard", null}) {
            Decision standard = rules.onTicketEvent(opened(Severity.SERIOUS, plan, NIGHT), null, List.of(), NIGHT);
            assertThat(standard.events()).as("plan %s", plan).isEmpty();
            assertThat(standard.pages()).isEmpty();
            assertThat(standard.ticket()).isEqualTo(TicketState.opened(NIGHT, "SERIOUS", plan));
        }
    }

    @Test
    void aSeverityChangeIsJudgedUnderTheTicketsPlan() {
        TicketEvent upgrade = severityChanged(TICKET, CUSTOMER, Severity.SERIOUS, NIGHT);

        Decision aroundTheClock = rules.onTicketEvent(upgrade,
                TicketState.opened(OPENED, "LESS_SERIOUS", "around-the-clock"), List.of(), NIGHT);
        assertThat(aroundTheClock.events()).hasSize(1);
        assertThat(aroundTheClock.ticket()).isEqualTo(TicketState.opened(OPENED, "SERIOUS", "around-the-clock"));

        assertThat(rules.onTicketEvent(upgrade, TicketState.opened(OPENED, "LESS_SERIOUS"), List.of(), NIGHT)
                .events()).as("the default plan").isEmpty();
    }

    @Test
    void aTicketOfAPlanThePolicyDoesNotHaveIsPagedUnderTheDefaultPlan() {
        Decision decision = rules.onTicketEvent(opened(Severity.SERIOUS, "gold", NIGHT), null, List.of(), NIGHT);

        assertThat(decision.events()).isEmpty();
        assertThat(decision.notes()).extracting(Decision.Note::level).containsExactly(Level.WARN);
        assertThat(rules.onTicketEvent(opened(Severity.CRITICAL, "gold", NIGHT), null, List.of(), NIGHT).events())
                .hasSize(1);
    }

    @Test
    void aStoredTicketWithoutAPlanIsOfTheDefaultPlanAndOneWithAPlanKeepsIt() {
        JsonSerde<TicketState> serde = JsonSerde.of(TicketState.class);
        byte[] before = ("{\"openedAt\":\"" + OPENED + "\",\"severity\":\"SERIOUS\",\"answeredAt\":null,"
                + "\"resolved\":false,\"purgeAt\":null}").getBytes(StandardCharsets.UTF_8);
        assertThat(serde.deserializer().deserialize("t", before)).isEqualTo(TicketState.opened(OPENED, "SERIOUS"));

        TicketState withPlan = TicketState.opened(OPENED, "SERIOUS", "around-the-clock");
        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", withPlan)))
                .isEqualTo(withPlan);
    }
}
