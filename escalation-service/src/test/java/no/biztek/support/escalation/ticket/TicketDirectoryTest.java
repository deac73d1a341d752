package no.biztek.support.escalation.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.testing.MutableClock;
import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.schemas.common.Severity;

/** The ticket directory forgets resolved tickets after their retention, measured from their resolvedAt. */
class TicketDirectoryTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);

    private final MutableClock clock = new MutableClock(OPENED);
    private final TicketDirectory directory = new TicketDirectory(clock, new ViewsProperties(RETENTION, 24));

    @Test
    void aResolvedTicketIsForgottenItsRetentionAfterItsResolutionAndAnOpenOneIsKept() {
        directory.fold("t1", TestEvents.ticketOpened("t1", "kunde", Severity.SERIOUS, OPENED));
        directory.fold("t2", TestEvents.ticketOpened("t2", "kunde", Severity.SERIOUS, OPENED));
        Instant resolvedAt = OPENED.plus(Duration.ofHours(5));
        directory.fold("t1", TestEvents.resolved("t1", "kunde", resolvedAt));

        clock.set(resolvedAt.plus(RETENTION).minusMillis(1));
        assertThat(directory.find("t1")).hasValueSatisfying(t -> assertThat(t.resolved()).isTrue());
        clock.set(resolvedAt.plus(RETENTION));
        assertThat(directory.find("t1")).isEmpty();
        clock.set(OPENED.plus(Duration.ofDays(3650)));
        assertThat(directory.find("t2")).as("an open ticket is kept however old").isPresent();
        assertThat(directory.size()).isEqualTo(1);
    }

    @Test
    void aReopenedTicketIsKeptAgainEvenAfterItWasForgotten() {
        directory.fold("t1", TestEvents.ticketOpened("t1", "kunde", Severity.SERIOUS, OPENED));
        directory.fold("t1", TestEvents.resolved("t1", "kunde", OPENED.plus(Duration.ofHours(1))));
        directory.fold("t1", TestEvents.reopened("t1", "kunde", OPENED.plus(Duration.ofHours(2))));
        clock.set(OPENED.plus(Duration.ofDays(40)));
        assertThat(directory.find("t1")).as("reopened before it was forgotten").hasValueSatisfying(t -> {
            assertThat(t.resolved()).isFalse();
            assertThat(t.openedAt()).isEqualTo(OPENED);
        });

        directory.fold("t1", TestEvents.resolved("t1", "kunde", OPENED.plus(Duration.ofDays(40))));
        clock.set(OPENED.plus(Duration.ofDays(80)));
        assertThat(directory.find("t1")).isEmpty();
        directory.fold("t1", TestEvents.reopened("t1", "kunde", clock.instant()));
        assertThat(directory.find("t1")).hasValueSatisfying(t -> {
            assertThat(t.customerId()).isEqualTo("kunde");
            assertThat(t.resolved()).isFalse();
            assertThat(t.openedAt()).isNull();
        });
    }

    @Test
    void aDirectoryRebuiltLongAfterwardsHoldsOnlyWhatItKeeps() {
        clock.set(OPENED.plus(Duration.ofDays(100)));
        directory.fold("t1", TestEvents.ticketOpened("t1", "kunde", Severity.SERIOUS, OPENED));
        directory.fold("t1", TestEvents.resolved("t1", "kunde", OPENED.plus(Duration.ofHours(1))));
        directory.fold("t2", TestEvents.ticketOpened("t2", "kunde", Severity.SERIOUS, OPENED));

        assertThat(directory.size()).isEqualTo(1);
        assertThat(directory.find("t2")).isPresent();
    }
}
