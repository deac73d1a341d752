package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class TicketIdsTest {

    @Test
    void uuid5MatchesTheRfcExample() {
        // RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(TicketIds.uuid5(dns, "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
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
