package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TicketIdsTest {

    /** Ids already published must never change: a retried delivery must find the same ticket and events. */
    @Test
    void idsAreTheOnesEarlierReleasesGave() {
        assertThat(TicketIds.ticketId("Zendesk", "48213")).isEqualTo("e46f6e6d-a670-583e-90e6-68be4f2875ab");
        assertThat(TicketIds.eventId("e46f6e6d-a670-583e-90e6-68be4f2875ab", "opened", 0)).isEqualTo("61104e6a-3cdf-571a-85b9-fd44ffa14cab");
    }

    @Test
    void aTicketIdDependsOnSourceAndExternalIdOnly() {
        String id = TicketIds.ticketId("Zendesk", "48213");

        assertThat(TicketIds.ticketId(" zendesk ", "48213")).isEqualTo(id);
        assertThat(TicketIds.ticketId("portal", "48213")).isNotEqualTo(id);
        assertThat(TicketIds.ticketId("zendesk", "48214")).isNotEqualTo(id);
        assertThat(UUID.fromString(id).version()).isEqualTo(5);
    }

    @Test
    void sourceAndExternalIdCannotBeShiftedIntoEachOther() {
        assertThat(TicketIds.ticketId("a", "b\nc")).isNotEqualTo(TicketIds.ticketId("a\nb", "c"));
    }

    @Test
    void eventIdsDifferPerKindAndOccurrence() {
        String ticket = TicketIds.ticketId("portal", "1");

        assertThat(TicketIds.eventId(ticket, "resolved", 0)).isEqualTo(TicketIds.eventId(ticket, "resolved", 0))
                .isNotEqualTo(TicketIds.eventId(ticket, "resolved", 1))
                .isNotEqualTo(TicketIds.eventId(ticket, "reopened", 0));
    }
}
