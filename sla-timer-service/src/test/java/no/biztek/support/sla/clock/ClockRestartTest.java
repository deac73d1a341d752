package no.biztek.support.sla.clock;

import static no.biztek.support.sla.clock.FactOrderFixture.RETENTION;
import static no.biztek.support.sla.clock.FactOrderFixture.WEEK;
import static no.biztek.support.sla.clock.FactOrderFixture.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.testing.TicketEvents;

/**
 * A clock stopped and started again more than once while its deadline holds since the same fact (found by
 * {@link FactOrderPropertyTest}): each start is announced under its own id, or a reader that drops a repeated id
 * would miss the second one and take the clock for stopped.
 */
class ClockRestartTest {

    private final RulesHarness harness = new RulesHarness(PolicyFile.defaultPolicy(), RETENTION, WEEK);
    private final String ticketId = TicketEvents.newTicketId();

    @Test
    void eachRestartIsAnnouncedUnderItsOwnId() {
        harness.arrive(TicketEvents.opened(ticketId, Severity.SERIOUS, WEEK), true);
        harness.passTimeTo(minute(3), false);
        arrive(TicketEvents.severityChanged(ticketId, Severity.CRITICAL, SeverityChangeReason.CUSTOMER_REQUEST,
                minute(3)), 1);
        arrive(TicketEvents.resolved(ticketId, minute(0)), 2);
        arrive(TicketEvents.reopened(ticketId, minute(1)), 3);
        arrive(TicketEvents.resolved(ticketId, minute(1)), 4);
        arrive(TicketEvents.reopened(ticketId, minute(2)), 5);

        List<SlaEvent> starts = harness.emitted().stream()
                .filter(event -> event.getPayload() instanceof SlaClockStarted).toList();
        assertThat(starts).as("the opening and two restarts").hasSize(3);
        assertThat(ids(harness.emitted())).doesNotHaveDuplicates();
        assertThat(harness.read().state()).isEqualTo(ClockState.RUNNING);
    }

    private void arrive(TicketEvent event, int sequence) {
        event.setSequence(sequence);
        harness.arrive(event, true);
    }

    private static Instant minute(int minute) {
        return WEEK.plus(Duration.ofMinutes(minute));
    }
}
