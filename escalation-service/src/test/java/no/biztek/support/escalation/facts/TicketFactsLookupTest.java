package no.biztek.support.escalation.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockState;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.testing.MutableClock;

/** A page's facts come from what the service has read of tickets, customers and SLA events. */
class TicketFactsLookupTest {

    private static final Instant OPENED = Instant.parse("2026-03-03T00:55:00Z");
    private static final Instant DUE = Instant.parse("2026-03-03T01:55:00Z");
    private static final ViewsProperties VIEWS = new ViewsProperties(Duration.ofDays(30), 24);

    private final MutableClock clock = new MutableClock(OPENED.plus(Duration.ofMinutes(5)));
    private final TicketDirectory tickets = new TicketDirectory(clock, VIEWS);
    private final CustomerContacts customers = new CustomerContacts();
    private final SlaDeadlines deadlines = new SlaDeadlines(clock, VIEWS);
    private final TicketFactsLookup lookup = new TicketFactsLookup(tickets, customers, deadlines,
            new SourceLinks(Map.of("Portal", "https://portal.biztek.example/tickets/{externalId}?view=agent")),
            List.of());

    @Test
    void theTicketTheCustomerTheSourceAndTheDeadlinesAreKnown() {
        tickets.fold("t-1", TestEvents.ticketOpened("t-1", "kunde-as", Severity.CRITICAL, OPENED));
        customers.fold("kunde-as", customer("kunde-as", "+47 22 00 00 00"));
        deadlines.fold("t-1", TestEvents.warning("t-1", "kunde-as", Severity.CRITICAL, 50, OPENED, DUE));

        TicketFacts facts = lookup.of("t-1", "kunde-as");

        assertThat(facts.title()).isEqualTo("E-mail is down");
        assertThat(facts.description()).isEqualTo("Nobody can send e-mail");
        assertThat(facts.source()).isEqualTo("portal");
        assertThat(facts.sourceLink()).as("the template's source in any case, the id URL-encoded")
                .isEqualTo(URI.create("https://portal.biztek.example/tickets/INC-t-1?view=agent"));
        assertThat(facts.openedAt()).isEqualTo(OPENED);
        assertThat(facts.customerName()).isEqualTo("Kunde AS");
        assertThat(facts.customerPhone()).isEqualTo("+47 22 00 00 00");
        assertThat(facts.firstResponseDueAt()).isEqualTo(DUE);
        assertThat(facts.resolutionDueAt()).isNull();
        assertThat(facts.breachedMetric()).isNull();
    }

    @Test
    void aBreachNamesItsMetricAndALateResponseLeavesItStandingWithNothingDue() {
        deadlines.fold("t-2", TestEvents.breached("t-2", "kunde-as", Severity.SERIOUS, OPENED, DUE));
        assertThat(lookup.of("t-2", "kunde-as").breachedMetric()).isEqualTo("first-response");

        deadlines.fold("t-2", TestEvents.met("t-2", "kunde-as", Severity.SERIOUS, OPENED, DUE,
                DUE.plus(Duration.ofMinutes(5))));
        TicketFacts facts = lookup.of("t-2", "kunde-as");
        assertThat(facts.breachedMetric()).as("answered late: the breach stands").isEqualTo("first-response");
        assertThat(facts.firstResponseDueAt()).isNull();
    }

    @Test
    void nothingKnownIsTheIdsAloneAndAnExternalIdIsEncodedIntoTheLink() {
        assertThat(lookup.of("t-3", "kunde-as")).isEqualTo(TicketFacts.unknown("t-3", "kunde-as"));
        assertThat(new SourceLinks(Map.of("zendesk", "https://z.example/agent/tickets/{externalId}"))
                .link("ZENDESK", "a b/c?d")).contains(URI.create("https://z.example/agent/tickets/a%20b%2Fc%3Fd"));
        assertThat(new SourceLinks(Map.of()).link("zendesk", "1")).isEmpty();
    }

    @Test
    void aTemplateWithoutThePlaceholderOrNotHttpFailsStartUpNamingIt() {
        assertThatThrownBy(() -> new SourceLinks(Map.of("zendesk", "https://z.example/tickets/")))
                .hasMessage("source-links.templates.zendesk: must contain {externalId}, was https://z.example/tickets/");
        assertThatThrownBy(() -> new SourceLinks(Map.of("zendesk", "javascript:alert({externalId})")))
                .hasMessageContaining("must be an absolute http(s) URL");
    }

    @Test
    void aCustomerRemovedFromTheDirectoryIsNoLongerNamed() {
        customers.fold("kunde-as", customer("kunde-as", null));
        assertThat(lookup.of("t-4", "kunde-as").customerName()).isEqualTo("Kunde AS");

        customers.fold("kunde-as", null);

        assertThat(lookup.of("t-4", "kunde-as").customerName()).isNull();
    }

    @Test
    void aTicketsDeadlinesAreForgottenLongAfterItsLastSlaEvent() {
        deadlines.fold("t-5", TestEvents.warning("t-5", "kunde-as", Severity.CRITICAL, 50, OPENED, DUE));

        clock.advance(Duration.ofDays(31));

        assertThat(lookup.of("t-5", "kunde-as").firstResponseDueAt()).isNull();
    }

    /**
     * A first response recorded late, but in time: the SLA timer withdraws its breach and announces the met, whose own
     * time (the response) lies before the breach. The view follows what was announced last, not the latest own time.
     */
    @Test
    void aBreachWithdrawnByALateButInTimeResponseIsNoLongerShown() {
        Instant responded = DUE.minus(Duration.ofMinutes(5));
        SlaEvent breach = TestEvents.breached("t-6", "kunde-as", Severity.SERIOUS, OPENED, DUE);
        deadlines.fold("t-6", breach);
        deadlines.fold("t-6", TestEvents.corrected("t-6", "kunde-as", Severity.SERIOUS, OPENED, DUE,
                breach.getEventId(), SlaCorrectionKind.BREACH_WITHDRAWN, SlaClockState.MET, responded,
                DUE.plus(Duration.ofMinutes(3))));
        deadlines.fold("t-6", TestEvents.met("t-6", "kunde-as", Severity.SERIOUS, OPENED, DUE, responded));

        TicketFacts facts = lookup.of("t-6", "kunde-as");

        assertThat(facts.breachedMetric()).isNull();
        assertThat(facts.firstResponseDueAt()).as("met: nothing is due").isNull();
    }

    @Test
    void aPausedResolutionClockAndAResolutionBreachAreTold() {
        SlaEvent paused = paused("t-7", OPENED.plus(Duration.ofMinutes(30)));
        paused.setMetric("resolution");
        deadlines.fold("t-7", paused);
        assertThat(deadlines.of("t-7").get("resolution").status()).isEqualTo(SlaDeadlines.Status.PAUSED);

        SlaEvent breach = TestEvents.breached("t-7", "kunde-as", Severity.SERIOUS, OPENED, DUE);
        breach.setMetric("resolution");
        deadlines.fold("t-7", breach);

        assertThat(lookup.of("t-7", "kunde-as").breachedMetric()).isEqualTo("resolution");
        assertThat(lookup.of("t-7", "kunde-as").resolutionDueAt()).isEqualTo(DUE);
    }

    private static SlaEvent paused(String ticketId, Instant at) {
        SlaEvent event = TestEvents.warning(ticketId, "kunde-as", Severity.SERIOUS, 50, OPENED, DUE);
        event.setEventId(ticketId + "-paused");
        event.setOccurredAt(at);
        event.setPayload(SlaClockPaused.newBuilder().setReason("WAITING_ON_CUSTOMER").setBusinessMinutesElapsed(30)
                .build());
        return event;
    }

    private static Customer customer(String customerId, String phone) {
        Customer customer = TestEvents.customer(customerId, null);
        customer.setPhone(phone);
        return customer;
    }
}
