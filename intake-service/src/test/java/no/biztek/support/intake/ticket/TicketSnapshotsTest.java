package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketReopened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.testing.MutableClock;

/** The ticket directory's memory: resolved tickets are forgotten after the retention, by the events' own times. */
class TicketSnapshotsTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final TicketSnapshots snapshots = new TicketSnapshots(new TicketRetention(RETENTION, GRACE), clock);

    private static TicketEvent event(String ticketId, String kind, int n, Object payload) {
        return TicketEvent.newBuilder().setEventId(TicketIds.eventId(ticketId, kind, n)).setTicketId(ticketId)
                .setCustomerId("kunde-as").setOccurredAt(NOW).setProducer("test").setPayload(payload).build();
    }

    private void open(String ticketId, Instant at) {
        snapshots.fold(ticketId, event(ticketId, TicketIntake.OPENED, 0, TicketOpened.newBuilder().setSource("s")
                .setExternalId(ticketId).setSeverity(Severity.SERIOUS).setTitle("t").setDescription("d")
                .setRequester(new Person("n", "n@kunde.no")).setChannel(Channel.API).setOpenedAt(at).build()));
    }

    private void resolve(String ticketId, int n, Instant at) {
        snapshots.fold(ticketId, event(ticketId, TicketIntake.RESOLVED, n, new TicketResolved(at)));
    }

    private void reopen(String ticketId, int n, Instant at) {
        snapshots.fold(ticketId, event(ticketId, TicketIntake.REOPENED, n, new TicketReopened(at, null)));
    }

    private static String ticket() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aResolvedTicketIsKnownForTheRetentionFromItsResolutionThenForgotten() {
        String ticketId = ticket();
        Instant resolvedAt = NOW.minus(Duration.ofDays(10));
        open(ticketId, resolvedAt.minus(Duration.ofDays(3)));
        resolve(ticketId, 0, resolvedAt);

        clock.set(resolvedAt.plus(RETENTION));
        assertThat(snapshots.get(ticketId)).as("at the end of the retention").isPresent();
        clock.set(resolvedAt.plus(RETENTION).plusMillis(1));
        assertThat(snapshots.get(ticketId)).as("after it").isEmpty();
    }

    @Test
    void openAndReopenedTicketsAreNeverForgotten() {
        String open = ticket();
        String reopened = ticket();
        open(open, NOW.minus(Duration.ofDays(25)));
        open(reopened, NOW.minus(Duration.ofDays(25)));
        resolve(reopened, 0, NOW.minus(Duration.ofDays(24)));
        reopen(reopened, 0, NOW.minus(Duration.ofDays(23)));

        clock.set(NOW.plus(Duration.ofDays(365)));

        assertThat(snapshots.removeForgotten()).isZero();
        assertThat(snapshots.get(open)).isPresent();
        assertThat(snapshots.get(reopened)).hasValueSatisfying(t -> assertThat(t.resolved()).isFalse());
    }

    @Test
    void forgottenTicketsLeaveMemoryAfterTheGraceSoItIsBoundedByOpenAndRecentTickets() {
        for (int i = 0; i < 10_000; i++) {
            String ticketId = ticket();
            open(ticketId, NOW.minus(Duration.ofDays(29)));
            resolve(ticketId, 0, NOW.minus(Duration.ofDays(28)));
        }
        String open = ticket();
        open(open, NOW.minus(Duration.ofDays(29)));
        String recent = ticket();
        open(recent, NOW.minus(Duration.ofDays(5)));
        resolve(recent, 0, NOW.minus(Duration.ofDays(1)));
        assertThat(snapshots.size()).isEqualTo(10_002);

        clock.set(NOW.plus(Duration.ofDays(2)));
        assertThat(snapshots.removeForgotten()).as("forgotten, but within the grace").isZero();
        clock.set(NOW.plus(Duration.ofDays(2)).plus(GRACE).plusMillis(1));
        assertThat(snapshots.removeForgotten()).isEqualTo(10_000);

        assertThat(snapshots.size()).isEqualTo(2);
        assertThat(snapshots.get(open)).isPresent();
        assertThat(snapshots.get(recent)).isPresent();
    }

    @Test
    void readingTheTopicFromTheBeginningKeepsATicketReopenedAfterAResolutionLongAgo() {
        String ticketId = ticket();
        open(ticketId, NOW.minus(Duration.ofDays(60)));
        resolve(ticketId, 0, NOW.minus(Duration.ofDays(40)));
        // folded now, though its resolution is forgotten by now: the reopening within the retention still follows
        reopen(ticketId, 0, NOW.minus(Duration.ofDays(35)));

        assertThat(snapshots.get(ticketId)).hasValueSatisfying(ticket -> {
            assertThat(ticket.resolved()).isFalse();
            assertThat(ticket.reopenings()).isEqualTo(1);
            assertThat(ticket.nextSequence()).isEqualTo(3);
        });
    }

    @Test
    void anOpeningOfAForgottenTicketStartsItAfresh() {
        String ticketId = ticket();
        open(ticketId, NOW.minus(Duration.ofDays(60)));
        resolve(ticketId, 0, NOW.minus(Duration.ofDays(40)));
        Instant openedAgain = NOW.minus(Duration.ofHours(1));

        open(ticketId, openedAgain);

        assertThat(snapshots.get(ticketId)).hasValueSatisfying(ticket -> {
            assertThat(ticket.openedAt()).isEqualTo(openedAgain);
            assertThat(ticket.resolved()).isFalse();
            assertThat(ticket.resolutions()).isZero();
        });
    }

    @Test
    void anOpeningOfAKnownTicketChangesNothing() {
        String ticketId = ticket();
        Instant openedAt = NOW.minus(Duration.ofDays(3));
        open(ticketId, openedAt);
        resolve(ticketId, 0, NOW.minus(Duration.ofDays(2)));

        open(ticketId, NOW);

        assertThat(snapshots.get(ticketId)).hasValueSatisfying(ticket -> {
            assertThat(ticket.openedAt()).isEqualTo(openedAt);
            assertThat(ticket.resolved()).isTrue();
        });
    }
}
