package no.biztek.support.intake.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.schemas.common.SeverityChangeReason;
import no.biztek.support.schemas.ticket.SeverityChanged;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketHeld;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.ticket.TicketResumed;
import no.biztek.support.schemas.topic.Topics;

/** Holds and resumes, the plan stamped on an opening, and downgrade reasons as policy data (intake-plans.yaml). */
class TicketHoldApiTest extends IntakeIntegrationTest {

    private static final String ROUND_THE_CLOCK_CUSTOMER_BODY = """
            {"name": "Døgnkunde AS", "locale": "nb", "notificationContacts": [{"name": "Kari", "email": "kari@kunde.no"}],
             "plan": "around-the-clock"}""";

    private String open(String customerId, Instant openedAt) {
        String body = TicketApiTest.openBody(unique("INC"), 2, openedAt == null ? null : openedAt.toString())
                .replace("\"kunde-as\"", "\"" + customerId + "\"");
        HttpResponse<String> response = api.post("/api/v1/tickets", body, WRITER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("ticketId").asString();
    }

    private String aroundTheClockCustomer() {
        String customerId = unique("kunde");
        HttpResponse<String> saved = api.put("/api/v1/customers/" + customerId, ROUND_THE_CLOCK_CUSTOMER_BODY, DIRECTORY);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        return customerId;
    }

    private List<Object> payloads(String ticketId) {
        return readAll(Topics.TICKET_EVENTS).stream().filter(r -> r.key().equals(ticketId))
                .map(r -> r.value().getPayload()).toList();
    }

    @Test
    void aHoldAndAResumeArePublishedAtTheirEventTimes() {
        Instant openedAt = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String ticketId = open("kunde-as", openedAt);
        String base = "/api/v1/tickets/" + ticketId;
        Instant heldAt = openedAt.plus(1, ChronoUnit.HOURS);
        Instant resumedAt = openedAt.plus(2, ChronoUnit.HOURS);

        HttpResponse<String> hold = api.post(base + "/hold",
                "{\"reason\": \"WAITING_ON_CUSTOMER\", \"heldAt\": \"" + heldAt + "\"}", WRITER);
        HttpResponse<String> resume = api.post(base + "/resume", "{\"resumedAt\": \"" + resumedAt + "\"}", WRITER);

        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(202);
        assertThat(hold.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(ticketId + "/sla"));
        assertThat(resume.statusCode()).as(resume.body()).isEqualTo(202);
        TicketEvent held = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketHeld).value();
        assertThat(held.getEventId()).isEqualTo(json(hold).get("eventId").asString());
        assertThat(((TicketHeld) held.getPayload()).getReason()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(((TicketHeld) held.getPayload()).getHeldAt()).isEqualTo(heldAt);
        assertThat(held.getSequence()).isEqualTo(1);
        TicketEvent resumed = awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketResumed).value();
        assertThat(((TicketResumed) resumed.getPayload()).getResumedAt()).isEqualTo(resumedAt);
        assertThat(resumed.getSequence()).isEqualTo(2);
    }

    @Test
    void repeatsAreAlreadyRecordedAndAnotherReasonIsANewHold() {
        String ticketId = open("kunde-as", null);
        String base = "/api/v1/tickets/" + ticketId;

        HttpResponse<String> first = api.post(base + "/hold", "{\"reason\": \"WAITING_ON_VENDOR\"}", WRITER);
        HttpResponse<String> again = api.post(base + "/hold", "{\"reason\": \"WAITING_ON_VENDOR\"}", WRITER);
        HttpResponse<String> other = api.post(base + "/hold", "{\"reason\": \"WAITING_ON_CUSTOMER\"}", WRITER);
        HttpResponse<String> resumed = api.post(base + "/resume", "", WRITER);
        HttpResponse<String> resumedAgain = api.post(base + "/resume", "{}", WRITER);

        assertThat(json(first).get("outcome").asString()).isEqualTo("PUBLISHED");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(json(again).get("eventId").asString()).isEqualTo(json(first).get("eventId").asString());
        assertThat(json(other).get("outcome").asString()).isEqualTo("PUBLISHED");
        assertThat(json(resumed).get("outcome").asString()).isEqualTo("PUBLISHED");
        assertThat(json(resumedAgain).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(json(resumedAgain).get("eventId").asString()).isEqualTo(json(resumed).get("eventId").asString());
        awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId) && r.value().getPayload() instanceof TicketResumed);
        assertThat(payloads(ticketId)).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("TicketOpened", "TicketHeld", "TicketHeld", "TicketResumed");
    }

    @Test
    void aReasonThePlanDoesNotKnowAndResolvedAreRefusedNamingTheReason() {
        String ticketId = open("kunde-as", null);
        String path = "/api/v1/tickets/" + ticketId + "/hold";
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> unknown = api.post(path, "{\"reason\": \"WAITING_ON_CHANGE_WINDOW\"}", WRITER);
        HttpResponse<String> resolved = api.post(path, "{\"reason\": \"RESOLVED\"}", WRITER);
        HttpResponse<String> notACode = api.post(path, "{\"reason\": \"waiting\"}", WRITER);
        HttpResponse<String> none = api.post(path, "{}", WRITER);

        assertThat(List.of(unknown, resolved, notACode, none)).allSatisfy(r -> {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(errors(r)).containsKey("reason");
        });
        assertThat(errors(unknown).get("reason")).contains("'standard'", "WAITING_ON_CUSTOMER", "WAITING_ON_VENDOR")
                .doesNotContain("RESOLVED,");
        assertThat(errors(resolved).get("reason")).contains("resolve");
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aReasonOfTheTicketsOwnPlanIsAccepted() {
        String ticketId = open(aroundTheClockCustomer(), null);

        HttpResponse<String> hold = api.post("/api/v1/tickets/" + ticketId + "/hold",
                "{\"reason\": \"WAITING_ON_CHANGE_WINDOW\"}", WRITER);

        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(202);
        TicketHeld held = (TicketHeld) awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof TicketHeld).value().getPayload();
        assertThat(held.getReason()).isEqualTo("WAITING_ON_CHANGE_WINDOW");
    }

    @Test
    void holdingAResolvedTicketOrResumingOneNeverHeldIsAConflict() {
        String ticketId = open("kunde-as", null);
        String base = "/api/v1/tickets/" + ticketId;
        HttpResponse<String> neverHeld = api.post(base + "/resume", "", WRITER);
        assertThat(api.post(base + "/resolve", "", WRITER).statusCode()).isEqualTo(202);
        long before = count(Topics.TICKET_EVENTS.name());

        HttpResponse<String> hold = api.post(base + "/hold", "{\"reason\": \"WAITING_ON_CUSTOMER\"}", WRITER);

        assertThat(neverHeld.statusCode()).isEqualTo(409);
        assertThat(hold.statusCode()).isEqualTo(409);
        assertThat(hold.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("application/problem+json"));
        assertThat(count(Topics.TICKET_EVENTS.name())).isEqualTo(before);
    }

    @Test
    void aResolutionEndsAHold() {
        String ticketId = open("kunde-as", null);
        String base = "/api/v1/tickets/" + ticketId;
        assertThat(api.post(base + "/hold", "{\"reason\": \"WAITING_ON_CUSTOMER\"}", WRITER).statusCode()).isEqualTo(202);
        assertThat(api.post(base + "/resolve", "", WRITER).statusCode()).isEqualTo(202);
        assertThat(api.post(base + "/reopen", "", WRITER).statusCode()).isEqualTo(202);

        HttpResponse<String> resume = api.post(base + "/resume", "", WRITER);
        HttpResponse<String> holdAgain = api.post(base + "/hold", "{\"reason\": \"WAITING_ON_CUSTOMER\"}", WRITER);

        assertThat(resume.statusCode()).as("not held since the resolution, never resumed").isEqualTo(409);
        assertThat(json(holdAgain).get("outcome").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void anOpeningCarriesTheCustomersPlanAndTheDefaultPlanForOthers() {
        String planned = open(aroundTheClockCustomer(), null);
        String unlisted = open(unique("ukjent"), null);

        TicketOpened withPlan = (TicketOpened) awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(planned)).value()
                .getPayload();
        TicketOpened standard = (TicketOpened) awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(unlisted)).value()
                .getPayload();
        assertThat(withPlan.getPlan()).isEqualTo("around-the-clock");
        assertThat(standard.getPlan()).as("a customer not in the directory").isEqualTo("standard");
    }

    @Test
    void aDowngradeCarriesAnyReasonCodeItsPlanLists() {
        String ticketId = open(aroundTheClockCustomer(), null);
        String standardTicket = open("kunde-as", null);
        String body = "{\"severity\": 3, \"reason\": \"CUSTOMER_UNREACHABLE\"}";

        HttpResponse<String> downgrade = api.post("/api/v1/tickets/" + ticketId + "/severity", body, WRITER);
        HttpResponse<String> notInStandard = api.post("/api/v1/tickets/" + standardTicket + "/severity", body, WRITER);

        assertThat(downgrade.statusCode()).as(downgrade.body()).isEqualTo(202);
        SeverityChanged changed = (SeverityChanged) awaitRecord(Topics.TICKET_EVENTS, r -> r.key().equals(ticketId)
                && r.value().getPayload() instanceof SeverityChanged).value().getPayload();
        assertThat(changed.getReasonCode()).isEqualTo("CUSTOMER_UNREACHABLE");
        assertThat(changed.getReason()).as("readers before v3: the enum's default").isEqualTo(SeverityChangeReason.OTHER);
        assertThat(notInStandard.statusCode()).isEqualTo(400);
        assertThat(errors(notInStandard).get("reason")).contains("CUSTOMER_ANSWERS_MISSING");
    }
}
