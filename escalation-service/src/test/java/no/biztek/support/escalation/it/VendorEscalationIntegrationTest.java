package no.biztek.support.escalation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.escalation.billing.InvoiceLedger;
import no.biztek.support.escalation.view.ViewsProperties;
import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.billing.BillableTimeRecorded;
import no.biztek.support.schemas.billing.TermsSource;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.TimeEntryRecorded;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.escalation.VendorEscalationClosed;
import no.biztek.support.schemas.escalation.VendorEscalationOpened;
import no.biztek.support.schemas.escalation.VendorStatusChanged;
import no.biztek.support.schemas.topic.Topics;

/** Vendor escalations over HTTP, billed under the customer's contract, and the invoice basis. */
class VendorEscalationIntegrationTest extends EscalationIntegrationTest {

    @Autowired
    InvoiceLedger ledger;

    @Autowired
    PolicyHistory policies;

    @Autowired
    ViewsProperties views;

    @Autowired
    KafkaProperties kafka;

    @Autowired
    TopicFollower<EscalationEvent> escalationFollower;

    @Autowired
    TopicFollower<TicketEvent> ticketFollower;

    private final String ticket = TestEvents.newId();
    private final String customer = unique("kunde");

    @BeforeEach
    void ticketAndCustomer() {
        // a customer billed per started half hour at 1000 NOK, double after hours
        publish(Topics.CUSTOMERS, customer, TestEvents.customer(customer,
                TestEvents.contract(false, 30, "1000.00", "2.00")));
        publish(Topics.TICKET_EVENTS, ticket, TestEvents.ticketOpened(ticket, customer, Severity.SERIOUS,
                Instant.parse("2026-03-02T07:00:00Z")));
    }

    private String open() {
        return open("2603020010000042");
    }

    private String open(String caseReference) {
        HttpResponse<String> opened = api.post("/api/v1/tickets/" + ticket + "/vendor-escalations", """
                {"vendor": "MICROSOFT", "vendorService": "M365", "vendorCaseReference": "%s",
                 "openedBy": "Kari Nordmann"}""".formatted(caseReference), WRITER);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return json(opened).get("escalationId").asString();
    }

    private HttpResponse<String> entry(String escalationId, String consultant, String from, String to) {
        return api.post("/api/v1/vendor-escalations/" + escalationId + "/time-entries", """
                {"consultant": "%s", "startedAt": "%s", "endedAt": "%s", "note": "Call with Microsoft"}"""
                .formatted(consultant, from, to), WRITER);
    }

    private double openMicrosoftEscalations() {
        return metric("support_vendor_escalations_open", "vendor=\"MICROSOFT\"");
    }

    @Test
    void aVendorEscalationWithTimeEntriesBecomesBillingLinesInTheCsv() {
        double openBefore = openMicrosoftEscalations();
        double billedBefore = metric("support_billable_minutes_total", "vendor=\"MICROSOFT\"");
        String escalationId = open();
        assertThat(openMicrosoftEscalations()).as("open while it is open").isEqualTo(openBefore + 1);
        assertThat(api.post("/api/v1/tickets/" + ticket + "/vendor-escalations", """
                {"vendor": "MICROSOFT", "vendorService": "M365", "vendorCaseReference": "2603020010000042",
                 "openedBy": "Kari Nordmann"}""", WRITER).statusCode()).as("the same escalation again").isEqualTo(200);
        HttpResponse<String> status = api.post("/api/v1/vendor-escalations/" + escalationId + "/status", """
                {"status": "INVESTIGATING", "message": "Microsoft is looking at the tenant's mail flow"}""", WRITER);
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        HttpResponse<String> retried = api.post("/api/v1/vendor-escalations/" + escalationId + "/status", """
                {"status": "INVESTIGATING", "message": "Microsoft is looking at the tenant's mail flow"}""", WRITER);
        assertThat(json(retried).get("outcome").asString()).isEqualTo("ALREADY_RECORDED");
        assertThat(json(retried).get("eventId").asString()).isEqualTo(json(status).get("eventId").asString());

        // Monday 2 March 2026: 09:00–09:40 in opening hours; 15:45–16:20 across closing time
        HttpResponse<String> first = entry(escalationId, "Kari Nordmann", "2026-03-02T09:00:00+01:00",
                "2026-03-02T09:40:00+01:00");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(entry(escalationId, "Ola Hansen", "2026-03-02T15:45:00+01:00", "2026-03-02T16:20:00+01:00")
                .statusCode()).isEqualTo(201);
        assertThat(entry(escalationId, "Kari Nordmann", "2026-03-02T09:00:00+01:00", "2026-03-02T09:40:00+01:00")
                .statusCode()).as("an identical retry").isEqualTo(200);

        List<BillableTimeRecorded> lines = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> readAll(Topics.BILLING).stream().filter(r -> r.key().equals(customer))
                        .map(r -> (BillableTimeRecorded) r.value().getPayload()).toList(), l -> l.size() == 2);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.getTermsSource()).isEqualTo(TermsSource.CUSTOMER_CONTRACT);
            assertThat(line.getTerms().getBillingIncrementMinutes()).isEqualTo(30);
            assertThat(line.getPolicyVersion()).isEqualTo("biztek-2020-01");
        });

        String month = "/api/v1/customers/" + customer + "/invoice-basis?month=2026-03";
        HttpResponse<String> csv = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> api.send(api.request(month, READER).header("Accept", "text/csv").GET()),
                        r -> r.body().lines().count() == 4);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("row,customerId,month,entryId");
        // 40 min → 60 billed: 1000.00; 35 min (15 in hours, 20 after) → 60 billed, split like the work:
        // 60 × 20 / 35 = 34.29 → 34 after hours, 26 in: 1000 × (26 + 2 × 34) / 60 = 1566.67
        assertThat(rows.get(1)).startsWith("ENTRY," + customer + ",2026-03,").contains(",Kari Nordmann,")
                .contains(",40,60,0,1000.00,CUSTOMER_CONTRACT,biztek-2020-01,false,30,1000.00,2.00");
        assertThat(rows.get(2)).contains(",Ola Hansen,").contains(",35,60,34,1566.67,");
        assertThat(rows.get(3)).startsWith("TOTAL," + customer + ",2026-03,").contains(",75,120,34,2566.67,");
        assertThat(api.get(month + "&format=csv", READER).body()).isEqualTo(csv.body());

        JsonNode basis = json(api.get(month, READER));
        assertThat(basis.get("lines")).hasSize(2);
        assertThat(basis.get("totals").get("amountNok").decimalValue()).isEqualByComparingTo("2566.67");
        assertThat(json(api.get("/api/v1/customers/" + customer + "/invoice-basis?month=2026-04", READER))
                .get("lines")).isEmpty();

        // a restarted instance rebuilds the invoice basis from the billing topic alone
        InvoiceLedger rebuilt = new InvoiceLedger(policies, CLOCK, views);
        TopicFollower<BillingEvent> follower = new TopicFollower<>(Topics.BILLING,
                TopicFollower.consumers(kafka, "restarted-ledger"), List.of(rebuilt));
        follower.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(follower::isCaughtUp);
            assertThat(rebuilt.basis(customer, YearMonth.of(2026, 3))).isEqualTo(ledger.basis(customer, YearMonth.of(2026, 3)));
            assertThat(rebuilt.basis(customer, YearMonth.of(2026, 3)).lines()).hasSize(2);
        } finally {
            follower.stop();
        }

        HttpResponse<String> closed = api.post("/api/v1/vendor-escalations/" + escalationId + "/close",
                "{\"closedBy\": \"Kari Nordmann\", \"resolution\": \"Mail flow restored by Microsoft\"}", WRITER);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/vendor-escalations/" + escalationId, READER)).get("closed").asBoolean()).isTrue();
        assertThat(openMicrosoftEscalations()).as("closed, no longer open").isEqualTo(openBefore);
        assertThat(api.get("/api/v1/vendor-escalations?state=open", READER).body()).doesNotContain(escalationId);

        List<Object> events = readAll(Topics.ESCALATION_EVENTS).stream().filter(r -> r.key().equals(ticket))
                .map(r -> r.value().getPayload()).toList();
        assertThat(events).hasExactlyElementsOfTypes(VendorEscalationOpened.class, VendorStatusChanged.class,
                TimeEntryRecorded.class, TimeEntryRecorded.class, VendorEscalationClosed.class);
        assertThat(metric("support_billable_minutes_total", "vendor=\"MICROSOFT\"")).as("60 + 60 billed minutes")
                .isGreaterThanOrEqualTo(billedBefore + 120);
    }

    @Test
    void writesAreNotValidatedAgainstViewsThatCannotBeBroughtUpToDate() {
        String escalationId = open();
        long before = eventsOfTicket();
        escalationFollower.stop();
        try {
            for (HttpResponse<String> refused : List.of(
                    api.post("/api/v1/vendor-escalations/" + escalationId + "/status",
                            "{\"status\": \"MONITORING\", \"message\": \"Fixed\"}", WRITER),
                    entry(escalationId, "Kari", "2026-03-02T13:00:00+01:00", "2026-03-02T14:00:00+01:00"),
                    api.post("/api/v1/vendor-escalations/" + escalationId + "/close", "{\"closedBy\": \"Kari\"}", WRITER),
                    api.post("/api/v1/tickets/" + ticket + "/vendor-escalations", """
                            {"vendor": "MICROSOFT", "vendorCaseReference": "other-case", "openedBy": "Kari"}""", WRITER))) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            }
        } finally {
            escalationFollower.start();
        }
        ticketFollower.stop();
        try {
            assertThat(api.post("/api/v1/tickets/" + ticket + "/vendor-escalations", """
                    {"vendor": "MICROSOFT", "vendorCaseReference": "other-case", "openedBy": "Kari"}""", WRITER)
                    .statusCode()).isEqualTo(503);
        } finally {
            ticketFollower.start();
        }
        assertThat(eventsOfTicket()).as("nothing published").isEqualTo(before);
        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/status",
                "{\"status\": \"MONITORING\", \"message\": \"Fixed\"}", WRITER).statusCode()).isEqualTo(200);
    }

    @Test
    void differentStatusChangesGetDifferentEventIds() {
        String escalationId = open();
        List<String> ids = new java.util.ArrayList<>();
        for (String body : List.of("{\"status\": \"INVESTIGATING\", \"message\": \"Looking\"}",
                "{\"status\": \"FIX_IN_PROGRESS\", \"message\": \"Patch\"}",
                "{\"status\": \"INVESTIGATING\", \"message\": \"Looking\"}")) {
            HttpResponse<String> changed = api.post("/api/v1/vendor-escalations/" + escalationId + "/status", body, WRITER);
            assertThat(json(changed).get("outcome").asString()).isEqualTo("PUBLISHED");
            ids.add(json(changed).get("eventId").asString());
        }
        assertThat(ids).doesNotHaveDuplicates();
        assertThat(json(api.get("/api/v1/vendor-escalations/" + escalationId, READER)).get("statusChanges")).hasSize(3);
    }

    @Test
    void invalidRequestsAreRefusedWithProblemDocumentsAndPublishNothing() {
        String escalationId = open();
        assertThat(entry(escalationId, "Kari", "2026-03-02T09:00:00+01:00", "2026-03-02T10:00:00+01:00").statusCode())
                .isEqualTo(201);
        long before = eventsOfTicket();

        HttpResponse<String> overlap = entry(escalationId, "kari", "2026-03-02T09:30:00+01:00",
                "2026-03-02T10:30:00+01:00");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(errors(overlap).get("startedAt")).contains("overlaps entry");

        HttpResponse<String> backwards = entry(escalationId, "Kari", "2026-03-02T12:00:00+01:00",
                "2026-03-02T11:00:00+01:00");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(errors(backwards)).containsEntry("endedAt", "must be after startedAt");

        Instant now = CLOCK.instant();
        HttpResponse<String> future = entry(escalationId, "Kari", now.plus(Duration.ofHours(1)).toString(),
                now.plus(Duration.ofHours(2)).toString());
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(errors(future)).containsEntry("endedAt", "must not be in the future");

        HttpResponse<String> missing = api.post("/api/v1/vendor-escalations/" + escalationId + "/time-entries",
                "{\"consultant\": \" \", \"startedAt\": \"yesterday\"}", WRITER);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errors(missing)).containsKey("startedAt");

        HttpResponse<String> missingFields = api.post("/api/v1/vendor-escalations/" + escalationId + "/time-entries",
                "{\"consultant\": \" \"}", WRITER);
        assertThat(errors(missingFields)).containsKeys("consultant", "startedAt", "endedAt");

        assertThat(api.post("/api/v1/tickets/" + ticket + "/vendor-escalations",
                "{\"vendor\": \"ORACLE\", \"vendorCaseReference\": \"1\", \"openedBy\": \"Kari\"}", WRITER).statusCode())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/tickets/" + TestEvents.newId() + "/vendor-escalations",
                "{\"vendor\": \"MICROSOFT\", \"vendorCaseReference\": \"1\", \"openedBy\": \"Kari\"}", WRITER)
                .statusCode()).as("unknown ticket").isEqualTo(404);
        assertThat(entry(TestEvents.newId(), "Kari", "2026-03-02T13:00:00+01:00", "2026-03-02T14:00:00+01:00")
                .statusCode()).as("unknown escalation").isEqualTo(404);
        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/status",
                "{\"status\": \"INVESTIGATING\", \"message\": \"x\", \"sevrity\": 1}", WRITER).statusCode())
                .as("unknown field").isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + customer + "/invoice-basis?month=March", READER).statusCode())
                .isEqualTo(400);
        HttpResponse<String> csvError = api.send(api.request("/api/v1/customers/" + customer + "/invoice-basis?month=2026-13",
                READER).header("Accept", "text/csv").GET());
        assertThat(csvError.statusCode()).isEqualTo(400);
        assertThat(csvError.body()).contains("month");
        assertThat(api.get("/api/v1/customers/" + customer + "/invoice-basis", READER).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/customers/" + customer + "/invoice-basis?month=2026-03&format=xml", READER)
                .statusCode()).isEqualTo(400);

        String body = "{\"consultant\": \"Ola\", \"startedAt\": \"2026-03-02T13:00:00+01:00\", "
                + "\"endedAt\": \"2026-03-02T14:00:00+01:00\"}";
        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/time-entries", body, null).statusCode())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/time-entries", body, READER).statusCode())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/time-entries", body, TICKETS_WRITER)
                .statusCode()).isEqualTo(403);
        assertThat(eventsOfTicket()).as("nothing published for a refused request").isEqualTo(before);

        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/close", "{\"closedBy\": \"Kari\"}", WRITER)
                .statusCode()).isEqualTo(200);
        assertThat(api.post("/api/v1/vendor-escalations/" + escalationId + "/status",
                "{\"status\": \"MONITORING\", \"message\": \"x\"}", WRITER).statusCode()).isEqualTo(409);

        HttpResponse<String> tooOld = entry(escalationId, "Ola", CLOCK.instant().minus(Duration.ofDays(61)).toString(),
                CLOCK.instant().minus(Duration.ofDays(61)).plus(Duration.ofHours(1)).toString());
        assertThat(tooOld.statusCode()).as(tooOld.body()).isEqualTo(400);
        assertThat(errors(tooOld).get("startedAt")).contains("time is recorded within 60 days");
        assertThat(api.get("/api/v1/customers/" + customer + "/invoice-basis?month=2020-01", READER).statusCode())
                .as("a month before the kept window").isEqualTo(410);
    }

    @Test
    void timeEntriesAreAcceptedForTheGracePeriodAfterTheCloseAndRefusedAfterIt() {
        String closedNow = open();
        assertThat(api.post("/api/v1/vendor-escalations/" + closedNow + "/close", "{\"closedBy\": \"Kari\"}", WRITER)
                .statusCode()).isEqualTo(200);

        HttpResponse<String> writtenUpAfterwards = entry(closedNow, unique("Kari"), "2026-03-02T13:00:00+01:00",
                "2026-03-02T14:00:00+01:00");
        assertThat(writtenUpAfterwards.statusCode()).as(writtenUpAfterwards.body()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> readAll(Topics.BILLING).stream()
                .anyMatch(r -> r.key().equals(customer)
                        && ((BillableTimeRecorded) r.value().getPayload()).getEscalationId().equals(closedNow)));

        // another escalation, closed 7 days and a minute before now
        Instant now = CLOCK.instant();
        String closedLongAgo;
        CLOCK.set(now.minus(Duration.ofDays(7)).minus(Duration.ofMinutes(1)));
        try {
            closedLongAgo = open("2602230010000007");
            assertThat(api.post("/api/v1/vendor-escalations/" + closedLongAgo + "/close", "{\"closedBy\": \"Ola\"}",
                    WRITER).statusCode()).isEqualTo(200);
        } finally {
            CLOCK.set(now);
        }
        long before = eventsOfTicket();
        HttpResponse<String> late = entry(closedLongAgo, unique("Ola"), "2026-03-02T13:00:00+01:00",
                "2026-03-02T14:00:00+01:00");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(late).get("detail").asString()).contains("was closed by Ola")
                .contains("time entries were accepted until").contains("7 days after the close");
        assertThat(eventsOfTicket()).as("nothing published").isEqualTo(before);
    }

    private long eventsOfTicket() {
        return readAll(Topics.ESCALATION_EVENTS).stream().filter(r -> r.key().equals(ticket)).count();
    }

    @Test
    void theListShowsOpenEscalationsWithTheirEntries() {
        String escalationId = open();
        entry(escalationId, "Nora", "2026-03-02T10:00:00+01:00", "2026-03-02T10:30:00+01:00");

        JsonNode list = json(api.get("/api/v1/vendor-escalations?state=open", READER));
        JsonNode mine = Arrays.stream(JSON.convertValue(list.get("escalations"), JsonNode[].class))
                .filter(e -> e.get("escalationId").asString().equals(escalationId)).findFirst().orElseThrow();
        assertThat(mine.get("ticketId").asString()).isEqualTo(ticket);
        assertThat(mine.get("customerId").asString()).isEqualTo(customer);
        assertThat(mine.get("vendor").asString()).isEqualTo("MICROSOFT");
        assertThat(mine.get("timeEntries")).hasSize(1);
        assertThat(api.get("/api/v1/vendor-escalations?state=whatever", READER).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/vendor-escalations", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theListIsPaginatedWithALimitAndACursor() {
        String first = open("2603020010000101");
        String second = open("2603020010000102");

        List<String> seen = idsAcrossPages("/api/v1/vendor-escalations?state=all", "escalations", "escalationId", 2);
        assertThat(seen).doesNotHaveDuplicates().contains(first, second);
        assertThat(json(api.get("/api/v1/vendor-escalations?state=all&limit=500", READER)).get("escalations"))
                .hasSize(seen.size());

        for (String bad : List.of("limit=0", "limit=501", "limit=ten", "cursor=not-a-cursor")) {
            HttpResponse<String> refused = api.get("/api/v1/vendor-escalations?state=all&" + bad, READER);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(errors(refused)).containsKey(bad.substring(0, bad.indexOf('=')));
        }
    }

}
