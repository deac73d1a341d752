package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Person;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResolved;
import no.biztek.support.schemas.ticket.TicketResumed;

class TicketSnapshotTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T08:00:00Z");
    private static final CompactIds IDS = new CompactIds();

    private static TicketEvent event(String eventId, Object payload) {
        return TicketEvent.newBuilder().setEventId(eventId).setTicketId("t").setCustomerId("c")
                .setOccurredAt(OPENED).setProducer("test").setPayload(payload).build();
    }

    private static TicketEvent opened(Severity severity) {
        return event("e-open", TicketOpened.newBuilder().setSource("s").setExternalId("x").setSeverity(severity)
                .setTitle("t").setDescription("d").setRequester(new Person("n", "e@x.no")).setChannel(Channel.API)
                .setOpenedAt(OPENED).build());
    }

    @Test
    void lifecycleBeforeOpeningIsIgnored() {
        assertThat(TicketSnapshot.fold(null, event("e1", new TicketResolved(OPENED)), IDS)).isNull();
    }

    @Test
    void foldsTheLifecycleAndCountsOccurrences() {
        TicketSnapshot s = TicketSnapshot.fold(null, opened(Severity.LESS_SERIOUS), IDS);
        s = TicketSnapshot.fold(s, event("e2", new SeverityChanged(Severity.CRITICAL,
                SeverityChangeReason.IMPACT_REASSESSED, null, OPENED, null)), IDS);
        s = TicketSnapshot.fold(s, event("e3", new TicketResolved(OPENED)), IDS);

        assertThat(s.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(s.severityChanges()).isEqualTo(1);
        assertThat(s.resolved()).isTrue();
        assertThat(s.resolutions()).isEqualTo(1);
        assertThat(s.openedAt()).isEqualTo(OPENED);
        assertThat(s.nextSequence()).as("opened 0, change 1, resolved 2: the next is 3").isEqualTo(3);
    }

    @Test
    void foldsHoldsAndResumesAndAResolutionEndsAHold() {
        TicketSnapshot s = TicketSnapshot.fold(null, opened(Severity.SERIOUS), IDS);
        assertThat(s.plan()).as("an opening without a plan (before TicketEvent v3)").isEqualTo("standard");
        assertThat(s.held()).isFalse();

        s = TicketSnapshot.fold(s, event("e2", new TicketHeld("WAITING_ON_CUSTOMER", OPENED)), IDS);
        assertThat(s.heldFor()).isEqualTo("WAITING_ON_CUSTOMER");
        s = TicketSnapshot.fold(s, event("e3", new TicketResumed(OPENED)), IDS);
        assertThat(s.held()).isFalse();
        s = TicketSnapshot.fold(s, event("e4", new TicketHeld("WAITING_ON_VENDOR", OPENED)), IDS);
        s = TicketSnapshot.fold(s, event("e5", new TicketResolved(OPENED)), IDS);

        assertThat(s.held()).isFalse();
        assertThat(s.holds()).isEqualTo(2);
        assertThat(s.resumes()).isEqualTo(1);
        assertThat(s.nextSequence()).isEqualTo(5);
    }

    @Test
    void anOpeningStampedWithAPlanKeepsIt() {
        TicketEvent opened = opened(Severity.SERIOUS);
        ((TicketOpened) opened.getPayload()).setPlan("around-the-clock");

        assertThat(TicketSnapshot.fold(null, opened, IDS).plan()).isEqualTo("around-the-clock");
    }

    @Test
    void aDuplicateEventIsNotCountedTwice() {
        TicketEvent change = event("e2", new SeverityChanged(Severity.CRITICAL, SeverityChangeReason.IMPACT_REASSESSED,
                null, OPENED, null));
        TicketSnapshot s = TicketSnapshot.fold(TicketSnapshot.fold(null, opened(Severity.SERIOUS), IDS), change, IDS);

        assertThat(TicketSnapshot.fold(s, change, IDS).severityChanges()).isEqualTo(1);
        assertThat(TicketSnapshot.fold(s, opened(Severity.LESS_SERIOUS), IDS)).isEqualTo(s);
    }

    @Test
    void aDuplicateWithAUuidEventIdIsRecognisedToo() {
        String eventId = TicketIds.eventId(TicketIds.ticketId("zendesk", "42"), TicketIntake.RESOLVED, 0);
        TicketEvent resolved = event(eventId, new TicketResolved(OPENED));
        TicketSnapshot s = TicketSnapshot.fold(TicketSnapshot.fold(null, opened(Severity.SERIOUS), IDS), resolved, IDS);

        assertThat(TicketSnapshot.fold(s, event(new String(eventId), new TicketResolved(OPENED)), IDS).resolutions())
                .isEqualTo(1);
    }

    @Test
    void canonicalUuidsAreKeptCompactAndOtherIdsAsTheyAre() {
        String uuid = "0b9e7f0e-3c2a-4f65-8a1d-5e4b3c2a1f09";

        assertThat(CompactIds.key(uuid)).isEqualTo(UUID.fromString(uuid));
        assertThat(CompactIds.key(uuid.toUpperCase())).isEqualTo(uuid.toUpperCase());
        assertThat(CompactIds.key("1-2-3-4-5")).isEqualTo("1-2-3-4-5");
        assertThat(CompactIds.key("ticket-42")).isEqualTo("ticket-42");
        assertThat(IDS.customerId(new String("kunde-as"))).isSameAs(IDS.customerId(new String("kunde-as")));
    }
}
