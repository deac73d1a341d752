package no.biztek.support.system;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static no.biztek.support.system.PlatformApi.assertNoDuplicateIds;
import static no.biztek.support.system.PlatformApi.json;
import static no.biztek.support.system.PlatformApi.mailsAbout;
import static no.biztek.support.system.PlatformApi.send;
import static no.biztek.support.system.PlatformApi.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageAcknowledged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageCloseReason;
import no.biztek.support.schemas.escalation.PageClosed;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaCorrected;
import no.biztek.support.schemas.sla.SlaCorrectionKind;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaMet;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.ticket.FirstResponseRecorded;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.browser.HeadlessChromium;

/**
 * The whole platform: the four services as separate processes on one real (embedded KRaft) broker,
 * GreenMail as the SMTP server, WireMock as the on-call webhook, an end-to-end policy with short targets
 * and a desk open around the clock. Services are killed with SIGKILL in the middle of the flow and
 * started again; nothing may be lost and nothing doubled, and late facts correct what they contradict.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final Duration START = Duration.ofMinutes(3);
    private static final Duration FLOW = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CUSTOMER = "kunde-e2e-" + RUN;
    private static final String REQUESTER = "kari@" + CUSTOMER + ".example";
    private static final String CONTACT = "it-drift@" + CUSTOMER + ".example";

    private static GreenMail mail;
    private static WireMockServer webhook;
    private static EventLog events;
    private static ServiceProcess intake;
    private static ServiceProcess slaTimer;
    private static ServiceProcess escalation;
    private static ServiceProcess notification;

    private static String critical;
    private static String serious;
    private static String minor;
    private static String queued;
    private static String backlogged;

    @BeforeAll
    static void startThePlatform() throws Exception {
        String bootstrap = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        events = new EventLog(bootstrap);
        mail = PlatformApi.startMailServer();
        webhook = PlatformApi.startOnCallWebhook();

        Path resources = Path.of("src/test/resources/e2e").toAbsolutePath();
        Path work = Files.createDirectories(Path.of("target/e2e").toAbsolutePath());
        Path logs = Files.createDirectories(work.resolve("logs"));
        List<String> common = List.of("--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--support.policy.file=" + resources.resolve("policy.yaml"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--logging.level.root=WARN", "--logging.level.no.biztek=INFO");
        intake = new ServiceProcess("intake-service", common, logs);
        slaTimer = new ServiceProcess("sla-timer-service", "sla-status", with(common,
                "--spring.kafka.streams.state-dir=" + work.resolve("state/sla-timer-" + RUN),
                "--support.kafka.advertised-host=127.0.0.1"), logs);
        escalation = new ServiceProcess("escalation-service", with(common,
                "--spring.kafka.streams.state-dir=" + work.resolve("state/escalation-" + RUN),
                "--spring.config.additional-location=file:" + resources.resolve("escalation.yaml"),
                "--support.escalation.delivery.webhook.url=" + webhook.baseUrl() + "/oncall",
                "--support.escalation.delivery.mail.enabled=true"), logs);
        notification = new ServiceProcess("notification-service", with(common,
                "--spring.kafka.streams.state-dir=" + work.resolve("state/notification-" + RUN)), logs);
        List<ServiceProcess> all = List.of(intake, slaTimer, escalation, notification);
        for (ServiceProcess service : all) {
            service.start();
        }
        for (ServiceProcess service : all) {
            service.awaitReady(START);
        }
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {notification, escalation, slaTimer, intake}) {
            if (service != null) {
                service.stop();
            }
        }
        if (webhook != null) {
            webhook.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    @Order(1)
    void aCriticalTicketPagesOnCallAtOnceAndReEscalatesWithoutAcknowledgement() throws Exception {
        assertThat(send(intake, "PUT", "/api/v1/customers/" + CUSTOMER, """
                {"name": "Kunde E2E AS", "locale": "nb",
                 "notificationContacts": [{"name": "IT-drift", "email": "%s"}]}""".formatted(CONTACT)).statusCode())
                .isEqualTo(200);

        critical = open("critical", 1, "PHONE");

        events.await("clock started", Topics.SLA_EVENTS, e -> e.getTicketId().equals(critical)
                && e.getPayload() instanceof SlaClockStarted, FLOW);
        OnCallPaged paged = (OnCallPaged) events.await("level 1 paged", Topics.ESCALATION_EVENTS,
                e -> e.getTicketId().equals(critical) && e.getPayload() instanceof OnCallPaged, FLOW).getPayload();
        assertThat(paged.getLevel()).isEqualTo(1);
        assertThat(paged.getCause()).isEqualTo(PageCause.CRITICAL_TICKET_OPENED);
        awaitWebhook(critical, 1);

        PageReEscalated next = (PageReEscalated) events.await("level 2 paged", Topics.ESCALATION_EVENTS,
                e -> e.getTicketId().equals(critical) && e.getPayload() instanceof PageReEscalated, FLOW).getPayload();
        assertThat(next.getLevel()).isEqualTo(2);
        awaitWebhook(critical, 2);

        HttpResponse<String> ack = send(escalation, "POST", "/api/v1/pages/" + paged.getPageId() + "/acknowledge",
                "{\"acknowledgedBy\": \"ola@biztek.example\"}");
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
        events.await("acknowledged", Topics.ESCALATION_EVENTS, e -> e.getTicketId().equals(critical)
                && e.getPayload() instanceof PageAcknowledged, FLOW);
    }

    @Test
    @Order(2)
    void aSeriousTicketBreachesByWallClockAcrossAHardRestartExactlyOnce() throws Exception {
        serious = open("serious", 2, "PORTAL");
        events.await("clock started", Topics.SLA_EVENTS, e -> e.getTicketId().equals(serious)
                && e.getPayload() instanceof SlaClockStarted, FLOW);

        slaTimer.killHard();
        slaTimer.start();
        slaTimer.awaitReady(START);

        SlaEvent breach = events.await("breach", Topics.SLA_EVENTS, e -> e.getTicketId().equals(serious)
                && e.getPayload() instanceof SlaBreached, FLOW);
        assertThat(breach.getOccurredAt()).isEqualTo(breach.getDueAt());
        OnCallPaged page = (OnCallPaged) events.await("breach page", Topics.ESCALATION_EVENTS,
                e -> e.getTicketId().equals(serious) && e.getPayload() instanceof OnCallPaged, FLOW).getPayload();
        assertThat(page.getCause()).isEqualTo(PageCause.SLA_BREACHED);

        List<SlaEvent> slaEvents = events.all(Topics.SLA_EVENTS, e -> e.getTicketId().equals(serious));
        assertThat(slaEvents).filteredOn(e -> e.getPayload() instanceof SlaClockStarted).hasSize(1);
        assertThat(slaEvents).filteredOn(e -> e.getPayload() instanceof SlaBreached).hasSize(1);
        assertThat(slaEvents.stream().filter(e -> e.getPayload() instanceof SlaWarning)
                .map(e -> ((SlaWarning) e.getPayload()).getThresholdPercent()).toList()).doesNotHaveDuplicates();
    }

    @Test
    @Order(3)
    void aFirstResponseInTimeIsMet() {
        minor = open("minor", 3, "EMAIL");
        events.await("clock started", Topics.SLA_EVENTS, e -> e.getTicketId().equals(minor)
                && e.getPayload() instanceof SlaClockStarted, FLOW);

        assertThat(send(intake, "POST", "/api/v1/tickets/" + minor + "/first-response",
                "{\"consultant\": \"per@biztek.example\"}").statusCode()).isEqualTo(202);

        events.await("met", Topics.SLA_EVENTS, e -> e.getTicketId().equals(minor)
                && e.getPayload() instanceof SlaMet, FLOW);
        JsonNode status = json(send(slaTimer, "GET", "/api/v1/tickets/" + minor + "/sla", null));
        assertThat(status.get("state").asString()).isEqualTo("MET");
    }

    @Test
    @Order(4)
    void aVendorEscalationKeepsTheCustomerInformedAndItsTimeIsBilled() throws Exception {
        HttpResponse<String> opened = send(escalation, "POST", "/api/v1/tickets/" + critical + "/vendor-escalations", """
                {"vendor": "MICROSOFT", "vendorService": "M365", "vendorCaseReference": "2603020040001234",
                 "openedBy": "per@biztek.example"}""");
        assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
        String escalationId = json(opened).get("escalationId").asString();
        awaitNotified(NotificationTemplate.VENDOR_ESCALATION_OPENED);

        notification.killHard();
        assertThat(send(escalation, "POST", "/api/v1/vendor-escalations/" + escalationId + "/status", """
                {"status": "INVESTIGATING", "message": "Microsoft is collecting logs."}""").statusCode()).isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String[] entry : new String[][] {{"per@biztek.example", "100", "40"}, {"kari@biztek.example", "30", "5"}}) {
            HttpResponse<String> recorded = send(escalation, "POST", "/api/v1/vendor-escalations/" + escalationId
                    + "/time-entries", """
                    {"consultant": "%s", "startedAt": "%s", "endedAt": "%s", "note": "e2e"}""".formatted(entry[0],
                    now.minus(Long.parseLong(entry[1]), ChronoUnit.MINUTES),
                    now.minus(Long.parseLong(entry[2]), ChronoUnit.MINUTES)));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        }
        notification.start();
        notification.awaitReady(START);
        awaitNotified(NotificationTemplate.VENDOR_STATUS_CHANGED);

        assertThat(send(escalation, "POST", "/api/v1/vendor-escalations/" + escalationId + "/close", """
                {"closedBy": "per@biztek.example", "resolution": "Rolled back a faulty update."}""").statusCode())
                .isEqualTo(200);
        awaitNotified(NotificationTemplate.VENDOR_ESCALATION_CLOSED);

        List<NotificationTemplate> told = events.all(Topics.NOTIFICATION_EVENTS, e -> e.getTicketId().equals(critical)
                && e.getPayload() instanceof CustomerNotified).stream()
                .map(e -> ((CustomerNotified) e.getPayload()).getTemplate()).toList();
        assertThat(told).containsExactlyInAnyOrder(NotificationTemplate.VENDOR_ESCALATION_OPENED,
                NotificationTemplate.VENDOR_STATUS_CHANGED, NotificationTemplate.VENDOR_ESCALATION_CLOSED);
        // three mails (opened, status, closed), each delivered once to the requester's and the contact's mailbox
        Map<String, List<Set<String>>> copiesByMessageId = mailsAbout(mail, "2603020040001234");
        assertThat(copiesByMessageId).hasSize(3);
        assertThat(copiesByMessageId.values()).allSatisfy(copies -> {
            assertThat(copies).hasSize(2);
            assertThat(copies).allSatisfy(recipients -> assertThat(recipients).containsExactlyInAnyOrder(REQUESTER, CONTACT));
        });

        // the ledger files an entry under the month it started in, in the calendar's zone (Europe/Oslo)
        YearMonth month = YearMonth.from(now.minus(100, ChronoUnit.MINUTES).atZone(OSLO));
        YearMonth otherMonth = YearMonth.from(now.minus(30, ChronoUnit.MINUTES).atZone(OSLO));
        Awaitility.await("invoice lines").atMost(FLOW).untilAsserted(() -> {
            String lines = send(escalation, "GET", "/api/v1/customers/" + CUSTOMER + "/invoice-basis?month="
                    + month + "&format=csv", null).body();
            if (!otherMonth.equals(month)) { // an Oslo month boundary between the two entries' starts
                lines += send(escalation, "GET", "/api/v1/customers/" + CUSTOMER + "/invoice-basis?month="
                        + otherMonth + "&format=csv", null).body();
            }
            HttpResponse<String> csv = send(escalation, "GET", "/api/v1/customers/" + CUSTOMER + "/invoice-basis?month="
                    + month + "&format=csv", null);
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(lines).contains("per@biztek.example").contains("kari@biztek.example");
        });
        assertThat(events.all(Topics.BILLING, e -> e.getCustomerId().equals(CUSTOMER))).hasSize(2);
    }

    /**
     * Facts, not arrival order: a first response queues upstream on the inbound topic while intake is down and the
     * breach fires and pages; another ticket's deadline passes while sla-timer is down with its response already
     * waiting in the backlog. Once everything is back, no breach the facts contradict stands and no page for one
     * stays open.
     */
    @Test
    @Order(5)
    void factsThatArriveLateDecideTheVerdictNotTheirArrival() throws Exception {
        queued = open("queued", 2, "PORTAL");
        SlaEvent started = events.await("clock started", Topics.SLA_EVENTS, e -> e.getTicketId().equals(queued)
                && e.getPayload() instanceof SlaClockStarted, FLOW);
        intake.killHard();
        Instant respondedAt = started.getOpenedAt().plusSeconds(10);
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS)),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.INBOUND.name(), "e2e:queued-" + RUN, """
                    {"type": "FIRST_RESPONSE", "source": "e2e", "externalId": "queued-%s",
                     "consultant": "per@biztek.example", "respondedAt": "%s"}""".formatted(RUN, respondedAt))).get();
        }
        SlaEvent breach = events.await("breach while the response waits upstream", Topics.SLA_EVENTS,
                e -> e.getTicketId().equals(queued) && e.getPayload() instanceof SlaBreached, FLOW);
        OnCallPaged page = (OnCallPaged) events.await("breach page", Topics.ESCALATION_EVENTS,
                e -> e.getTicketId().equals(queued) && e.getPayload() instanceof OnCallPaged, FLOW).getPayload();

        slaTimer.killHard();
        intake.start();
        intake.awaitReady(START);
        backlogged = open("backlogged", 2, "EMAIL");
        Instant backloggedOpened = Instant.now();
        Thread.sleep(5_000); // the consultant calls back five seconds later
        assertThat(send(intake, "POST", "/api/v1/tickets/" + backlogged + "/first-response",
                "{\"consultant\": \"kari@biztek.example\"}").statusCode()).isEqualTo(202);
        events.await("the queued response published", Topics.TICKET_EVENTS, e -> e.getTicketId().equals(queued)
                && e.getPayload() instanceof FirstResponseRecorded, FLOW);
        Duration untilOverdue = Duration.between(Instant.now(), backloggedOpened.plusSeconds(45));
        if (!untilOverdue.isNegative()) {
            Thread.sleep(untilOverdue.toMillis()); // the backlogged ticket's deadline passes while sla-timer is down
        }
        slaTimer.start();
        slaTimer.awaitReady(START);

        SlaCorrected correction = (SlaCorrected) events.await("breach withdrawn", Topics.SLA_EVENTS,
                e -> e.getTicketId().equals(queued) && e.getPayload() instanceof SlaCorrected, FLOW).getPayload();
        assertThat(correction.getSupersededEventId()).isEqualTo(breach.getEventId());
        assertThat(correction.getKind()).isEqualTo(SlaCorrectionKind.BREACH_WITHDRAWN);
        events.await("met", Topics.SLA_EVENTS, e -> e.getTicketId().equals(queued) && e.getPayload() instanceof SlaMet,
                FLOW);
        assertThat(json(send(slaTimer, "GET", "/api/v1/tickets/" + queued + "/sla", null)).get("state").asString())
                .isEqualTo("MET");
        PageClosed withdrawn = (PageClosed) events.await("page withdrawn", Topics.ESCALATION_EVENTS,
                e -> e.getTicketId().equals(queued) && e.getPayload() instanceof PageClosed closed
                        && closed.getReason() == PageCloseReason.CAUSE_WITHDRAWN, FLOW).getPayload();
        assertThat(withdrawn.getPageId()).isEqualTo(page.getPageId());
        assertThat(withdrawn.getExplanation()).startsWith("breach withdrawn: first response recorded at");
        Awaitility.await("the people paged are told").atMost(FLOW).untilAsserted(() ->
                assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/oncall")))).anySatisfy(request -> {
                    JsonNode body = JSON.readTree(request.getBodyAsString());
                    assertThat(body.path("type").asString()).isEqualTo("PageClosed");
                    assertThat(body.path("pageId").asString()).isEqualTo(page.getPageId());
                }));
        JsonNode open = json(send(escalation, "GET", "/api/v1/pages", null));
        assertThat(open.toString()).doesNotContain(page.getPageId());

        events.await("met from the backlog", Topics.SLA_EVENTS, e -> e.getTicketId().equals(backlogged)
                && e.getPayload() instanceof SlaMet, FLOW);
        assertThat(events.all(Topics.SLA_EVENTS, e -> e.getTicketId().equals(backlogged)))
                .as("no breach fired before the backlog was read").noneMatch(e -> e.getPayload() instanceof SlaBreached
                        || e.getPayload() instanceof SlaCorrected);
        assertThat(events.all(Topics.ESCALATION_EVENTS, e -> e.getTicketId().equals(backlogged))).isEmpty();
    }

    /**
     * Plans through the running services, with back-dated tickets whose deadlines are known without waiting: a
     * customer on a 24×7 plan gets a severity-2 deadline at night; on a business-hours plan, two business hours
     * waiting on the customer move the resolution deadline by two business hours and leave first response alone.
     */
    @Test
    @Order(6)
    void aTicketIsMeasuredUnderItsCustomersPlanAndAHoldPausesOnlyResolution() throws Exception {
        String nightCustomer = CUSTOMER + "-24x7";
        String officeCustomer = CUSTOMER + "-office";
        customerOnPlan(nightCustomer, "around-the-clock");
        customerOnPlan(officeCustomer, "office");
        LocalDate today = LocalDate.now(OSLO);
        Instant saturdayNight = today.minusDays(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY))
                .atTime(23, 0).atZone(OSLO).toInstant();
        LocalDate monday = today.minusDays(8).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        String night = openAt(nightCustomer, "night", 2, saturdayNight);
        JsonNode nightFirstResponse = awaitMetric(night, "first-response",
                metric -> metric.get("plan").asString().equals("around-the-clock"));
        assertThat(Instant.parse(nightFirstResponse.get("dueAt").asString()))
                .as("two hours later, at night").isEqualTo(saturdayNight.plus(Duration.ofHours(2)));

        String held = openAt(officeCustomer, "held", 2, at(monday, 9));
        assertThat(send(intake, "POST", "/api/v1/tickets/" + held + "/hold",
                "{\"reason\": \"WAITING_ON_CUSTOMER\", \"heldAt\": \"" + at(monday, 10) + "\"}").statusCode())
                .isEqualTo(202);
        assertThat(send(intake, "POST", "/api/v1/tickets/" + held + "/resume",
                "{\"resumedAt\": \"" + at(monday, 12) + "\"}").statusCode()).isEqualTo(202);

        Instant resolutionWithoutHold = at(monday.plusDays(2), 9); // 16 business hours of 8 a day
        JsonNode resolution = awaitMetric(held, "resolution",
                metric -> Instant.parse(metric.get("dueAt").asString()).equals(resolutionWithoutHold.plus(
                        Duration.ofHours(2))));
        assertThat(resolution.get("pausedBusinessMinutes").get("WAITING_ON_CUSTOMER").asLong()).isEqualTo(120);
        JsonNode firstResponse = awaitMetric(held, "first-response", metric -> true);
        assertThat(Instant.parse(firstResponse.get("dueAt").asString())).as("first response not paused")
                .isEqualTo(at(monday, 13));
        assertThat(firstResponse.get("pausedBusinessMinutes").size()).isZero();
        assertThat(events.all(Topics.ESCALATION_EVENTS, e -> e.getTicketId().equals(held)
                && e.getPayload() instanceof OnCallPaged paged && paged.getCause() == PageCause.SLA_BREACHED))
                .as("only its first-response breach pages").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    @Order(7)
    void nothingWasDoubledOnAnyTopic() {
        Set<String> tickets = Set.of(critical, serious, minor, queued, backlogged);
        assertNoDuplicateIds(events.all(Topics.SLA_EVENTS, e -> tickets.contains(e.getTicketId())), SlaEvent::getEventId);
        assertNoDuplicateIds(events.all(Topics.ESCALATION_EVENTS, e -> tickets.contains(e.getTicketId())),
                EscalationEvent::getEventId);
        assertNoDuplicateIds(events.all(Topics.NOTIFICATION_EVENTS, e -> tickets.contains(e.getTicketId())),
                NotificationEvent::getEventId);
        assertNoDuplicateIds(events.all(Topics.BILLING, e -> e.getCustomerId().equals(CUSTOMER)),
                BillingEvent::getEventId);
    }

    @Test
    @Order(8)
    void theDashboardAndTheAlertRulesNameOnlyMetricsTheServicesExport() throws Exception {
        Set<String> exported = new TreeSet<>();
        for (ServiceProcess service : List.of(intake, slaTimer, escalation, notification)) {
            send(service, "GET", "/actuator/prometheus", null).body().lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        Path root = Repository.root();
        Set<String> referenced = new TreeSet<>(DeploymentFilesTest.MetricNames.inDashboard(
                JSON.readTree(Files.readString(root.resolve("observability/grafana/dashboards/support-sla.json")))));
        referenced.addAll(DeploymentFilesTest.MetricNames.in(
                Files.readString(root.resolve("observability/prometheus/alerts.yml"))));

        assertThat(exported).containsAll(referenced);
    }

    @Test
    @Order(9)
    void aTicketOpenedThroughIntakeAppearsOnTheLiveBoardAndCountsDown() {
        HttpResponse<String> issued = send(escalation, "POST", "/api/v1/board/links",
                "{\"name\": \"E2E wall screen\", \"validFor\": \"PT1H\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String kiosk = escalation.uri(URI.create(json(issued).get("url").asString()).getRawPath()).toString();

        // tall enough for every ticket of this run: the page renders only the rows in view
        try (HeadlessChromium browser = HeadlessChromium.start(1440, 2400)) {
            browser.open(kiosk);
            browser.waiting().until(ExpectedConditions.textToBe(By.id("status"), "Live"));

            String ticket = open("board", 2, "PORTAL");
            By row = By.cssSelector("main .row[data-id='" + ticket + "|first-response']");
            new WebDriverWait(browser.driver(), FLOW).until(d -> !d.findElements(row).isEmpty());
            assertThat(browser.driver().findElement(row).getText()).contains("E2E board", "Severity 2", "running");
            String before = browser.driver().findElement(row).findElement(By.className("clock")).getText();
            browser.waiting().withMessage("the countdown runs").until(d -> !d.findElement(row)
                    .findElement(By.className("clock")).getText().equals(before));
        }
    }

    private static void customerOnPlan(String customer, String plan) {
        HttpResponse<String> response = send(intake, "PUT", "/api/v1/customers/" + customer, """
                {"name": "Kunde %s", "locale": "nb", "plan": "%s",
                 "notificationContacts": [{"name": "IT-drift", "email": "%s"}]}""".formatted(customer, plan, CONTACT));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String openAt(String customer, String name, int severity, Instant openedAt) {
        HttpResponse<String> response = send(intake, "POST", "/api/v1/tickets", """
                {"source": "e2e", "externalId": "%s-%s", "customerId": "%s", "severity": %d, "channel": "PORTAL",
                 "title": "E2E %s", "description": "End-to-end plan test", "openedAt": "%s",
                 "requester": {"name": "Kari Nordmann", "email": "%s"}}"""
                .formatted(name, RUN, customer, severity, name, openedAt, REQUESTER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("ticketId").asString();
    }

    /** The ticket's SLA answer for one metric, once it satisfies the condition. */
    private static JsonNode awaitMetric(String ticketId, String metric, Predicate<JsonNode> condition) {
        return Awaitility.await(ticketId + " " + metric).atMost(FLOW).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<String> response = send(slaTimer, "GET", "/api/v1/tickets/" + ticketId + "/sla", null);
                    if (response.statusCode() != 200) {
                        return null;
                    }
                    for (JsonNode each : json(response).get("metrics")) {
                        if (each.get("metric").asString().equals(metric) && condition.test(each)) {
                            return each;
                        }
                    }
                    return null;
                }, Objects::nonNull);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(OSLO).toInstant();
    }

    private static String open(String name, int severity, String channel) {
        HttpResponse<String> response = send(intake, "POST", "/api/v1/tickets", """
                {"source": "e2e", "externalId": "%s-%s", "customerId": "%s", "severity": %d, "channel": "%s",
                 "title": "E2E %s", "description": "End-to-end test ticket",
                 "requester": {"name": "Kari Nordmann", "email": "%s"}}"""
                .formatted(name, RUN, CUSTOMER, severity, channel, name, REQUESTER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("ticketId").asString();
    }

    private static void awaitWebhook(String ticketId, int level) {
        Awaitility.await("webhook for level " + level).atMost(FLOW).untilAsserted(() ->
                assertThat(webhook.findAll(postRequestedFor(urlEqualTo("/oncall"))))
                        .anySatisfy(request -> {
                            JsonNode body = JSON.readTree(request.getBodyAsString());
                            assertThat(body.path("ticketId").asString()).isEqualTo(ticketId);
                            assertThat(body.path("level").asInt()).isEqualTo(level);
                        }));
    }

    private static void awaitNotified(NotificationTemplate template) {
        events.await(template.name(), Topics.NOTIFICATION_EVENTS, e -> e.getTicketId().equals(critical)
                && e.getPayload() instanceof CustomerNotified told && told.getTemplate() == template, FLOW);
    }
}
