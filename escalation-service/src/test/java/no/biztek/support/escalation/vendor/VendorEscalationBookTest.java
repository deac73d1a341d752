package no.biztek.support.escalation.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import no.biztek.support.testing.MutableClock;
import no.biztek.support.escalation.TestEvents;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;

/** The vendor escalation book forgets closed escalations after their retention, by the events' own times. */
class VendorEscalationBookTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(90);

    private final MutableClock clock = new MutableClock(OPENED);
    private final VendorEscalationBook book = new VendorEscalationBook(clock,
            new VendorProperties(Duration.ofDays(7), Duration.ofDays(60), RETENTION));

    private static EscalationEvent event(String eventId, Instant at, Object payload) {
        return EscalationEvent.newBuilder().setEventId(eventId).setTicketId("ticket-1").setCustomerId("kunde")
                .setOccurredAt(at).setProducer("escalation-service").setPayload(payload).build();
    }

    private static EscalationEvent opened(String id, Instant at) {
        return event(id + "-opened", at, VendorEscalationOpened.newBuilder().setEscalationId(id)
                .setVendor(Vendor.MICROSOFT).setVendorCaseReference(id).setOpenedBy("Kari").build());
    }

    private static EscalationEvent closed(String id, Instant at) {
        return event(id + "-closed", at, VendorEscalationClosed.newBuilder().setEscalationId(id)
                .setVendor(Vendor.MICROSOFT).setVendorCaseReference(id).setClosedBy("Kari").build());
    }

    @Test
    void aClosedEscalationIsForgottenItsRetentionAfterItsLastActivityAndAnOpenOneIsKept() {
        book.fold("ticket-1", opened("open", OPENED));
        book.fold("ticket-1", opened("closed", OPENED));
        Instant closedAt = OPENED.plus(Duration.ofDays(1));
        book.fold("ticket-1", closed("closed", closedAt));
        // written up during the grace period: its end is the last activity
        Instant entryEnd = closedAt.plus(Duration.ofDays(2));
        book.fold("ticket-1", TestEvents.timeEntry("ticket-1", "kunde", "closed", Vendor.MICROSOFT, "Kari",
                entryEnd.minus(Duration.ofHours(1)), entryEnd));

        clock.set(entryEnd.plus(RETENTION).minusMillis(1));
        assertThat(book.find("closed")).isPresent();
        assertThat(book.overlapping("kari", entryEnd.minus(Duration.ofMinutes(30)), entryEnd)).hasSize(1);

        clock.set(entryEnd.plus(RETENTION));
        assertThat(book.find("closed")).isEmpty();
        assertThat(book.list(null)).extracting(VendorEscalationBook.Escalation::escalationId).containsExactly("open");
        clock.set(OPENED.plus(Duration.ofDays(3650)));
        assertThat(book.find("open")).as("open escalations are kept however old").isPresent();
    }

    @Test
    void aBookRebuiltLongAfterwardsForgetsTheSameEscalationsWhileReading() {
        clock.set(OPENED.plus(Duration.ofDays(200)));
        book.fold("ticket-1", opened("old", OPENED));
        book.fold("ticket-1", closed("old", OPENED.plus(Duration.ofDays(1))));
        book.fold("ticket-1", opened("recent", OPENED.plus(Duration.ofDays(150))));
        book.fold("ticket-1", closed("recent", OPENED.plus(Duration.ofDays(151))));

        assertThat(book.find("old")).isEmpty();
        assertThat(book.find("recent")).isPresent();
    }

    @Test
    void aRepeatedStatusChangeIsFoldedOnce() {
        book.fold("ticket-1", opened("e", OPENED));
        EscalationEvent changed = event("status-1", OPENED, VendorStatusChanged.newBuilder().setEscalationId("e")
                .setVendor(Vendor.MICROSOFT).setVendorCaseReference("e").setStatus(VendorCaseStatus.INVESTIGATING)
                .setMessage("Looking").build());
        book.fold("ticket-1", changed);
        book.fold("ticket-1", changed);

        assertThat(book.find("e").orElseThrow().statusChanges()).hasSize(1);
    }
}
