package no.biztek.support.escalation.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.ticket.TicketDirectory;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.sla.SlaClockPaused;
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
    void aBreachNamesItsMetricAndAMetDeadlineIsNoLongerDue() {
        deadlines.fold("t-2", TestEvents.breached("t-2", "kunde-as", Severity.SERIOUS, OPENED, DUE));
        assertThat(lookup.of("t-2", "kunde-as").breachedMetric()).isEqualTo("first-response");

        deadlines.fold("t-2", TestEvents.met("t-2", "kunde-as", Severity.SERIOUS, OPENED, DUE,
                DUE.plus(Duration.ofMinutes(5))));
        TicketFacts facts = lookup.of("t-2", "kunde-as");
        assertThat(facts.breachedMetric()).isNull();
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

    /** The same SLA events in any order give the same deadlines: the newest by its own time wins. */
    @Property(tries = 300)
    void theDeadlinesFollowTheEventsTimesNotTheirOrder(@ForAll @Size(min = 1, max = 8) List<Integer> shuffle) {
        List<SlaEvent> events = new ArrayList<>(List.of(
                TestEvents.warning("t-6", "kunde-as", Severity.SERIOUS, 50, OPENED, DUE),
                TestEvents.breached("t-6", "kunde-as", Severity.SERIOUS, OPENED, DUE),
                paused("t-6", DUE.plus(Duration.ofMinutes(30))),
                TestEvents.met("t-6", "kunde-as", Severity.SERIOUS, OPENED, DUE, DUE.plus(Duration.ofHours(1)))));
        events.get(2).setMetric("resolution");
        SlaDeadlines inOrder = new SlaDeadlines(clock, VIEWS);
        events.forEach(e -> inOrder.fold(e.getTicketId(), e));

        SlaDeadlines shuffled = new SlaDeadlines(clock, VIEWS);
        List<SlaEvent> arrival = new ArrayList<>(events);
        for (int i = 0; i < shuffle.size(); i++) {
            int from = Math.floorMod(shuffle.get(i), arrival.size());
            arrival.add(arrival.remove(from));
        }
        arrival.forEach(e -> shuffled.fold(e.getTicketId(), e));

        assertThat(shuffled.of("t-6")).isEqualTo(inOrder.of("t-6"));
        assertThat(inOrder.of("t-6").get("first-response").status()).isEqualTo(SlaDeadlines.Status.MET);
        assertThat(inOrder.of("t-6").get("resolution").status()).isEqualTo(SlaDeadlines.Status.PAUSED);
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
