package no.biztek.support.system;

import static no.biztek.support.system.PlatformApi.assertNoDuplicateIds;
import static no.biztek.support.system.PlatformApi.json;
import static no.biztek.support.system.PlatformApi.mailsAbout;
import static no.biztek.support.system.PlatformApi.send;
import static no.biztek.support.system.PlatformApi.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;

import no.biztek.support.schemas.billing.BillingEvent;
import no.biztek.support.schemas.escalation.EscalationEvent;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.escalation.PageCause;
import no.biztek.support.schemas.escalation.PageReEscalated;
import no.biztek.support.schemas.notification.CustomerNotified;
import no.biztek.support.schemas.notification.NotificationEvent;
import no.biztek.support.schemas.notification.NotificationTemplate;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.topic.Topics;

/**
 * Scaled out: two instances of every Kafka Streams service (sla-timer, escalation, notification) and intake, as
 * processes. A mixed flow runs (critical pages and their re-escalations, SLA breaches and their pages, vendor
 * escalations with mails, time entries) while one instance of each Kafka Streams service is killed with SIGKILL a
 * few seconds before the breaches fall due, and started again. Nothing is lost and nothing doubled (SLA events,
 * pages, customer notifications and their mails, billing lines); every breach fires, late by no more than the
 * session timeout plus the hand-over; the surviving sla-timer instance answers every ticket's status throughout (a
 * client asks again after a 503's Retry-After, which a rebalance closing a store may cause now and then: at most one
 * ask in fifty needs it), and both answer afterwards.
 *
 * <p>With {@code -Dcluster.brokers=3} (Maven profile {@code cluster}) the platform runs on three Kafka nodes of its
 * own (replication factor 3, {@code min.insync.replicas=2}) and one of them is killed with the instances; by
 * default (what {@code ./mvnw verify} runs) on the build's embedded broker.
 */
class ClusterFailoverTest {

    private static final int BROKERS = Integer.getInteger("cluster.brokers", 1);
    private static final Duration START = Duration.ofMinutes(4);
    private static final Duration FLOW = Duration.ofMinutes(2);
    /** sla-timer-service's session.timeout.ms: how long a killed instance's partitions stay with it. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The brokers' broker.session.timeout.ms (Kafka's default): how long the controller waits before it fences a
     * killed Kafka node and moves its partitions, the consumer group's coordinator among them. Only then does the
     * new coordinator start the killed instance's session timeout, so with a node killed too the two add up.
     */
    private static final Duration BROKER_SESSION_TIMEOUT = Duration.ofSeconds(9);
    /** What a hand-over takes beyond the timeouts: the rebalance, the standby's catch-up, the next punctuation. */
    private static final Duration HAND_OVER = Duration.ofSeconds(20);
    /** The e2e policy's severity-2 first-response target (every hour counts). */
    private static final Duration SERIOUS_TARGET = Duration.ofSeconds(40);

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String CUSTOMER = "kunde-cluster-" + RUN;
    private static final String REQUESTER = "kari@" + CUSTOMER + ".example";
    private static final String CONTACT = "it-drift@" + CUSTOMER + ".example";

    private static final List<BrokerProcess> brokers = new ArrayList<>();
    private static final List<ServiceProcess> services = new ArrayList<>();
    private static GreenMail mail;
    private static WireMockServer webhook;
    private static EventLog events;
    private static ServiceProcess intake;
    private static final ServiceProcess[] slaTimer = new ServiceProcess[2];
    private static final ServiceProcess[] escalation = new ServiceProcess[2];
    private static final ServiceProcess[] notification = new ServiceProcess[2];

    @BeforeAll
    static void startThePlatform() throws Exception {
        Path work = Files.createDirectories(Path.of("target/cluster-" + RUN).toAbsolutePath());
        Path logs = Files.createDirectories(work.resolve("logs"));
        String bootstrap;
        List<String> common = new ArrayList<>();
        if (BROKERS == 3) {
            brokers.addAll(BrokerProcess.cluster(work, logs));
            bootstrap = BrokerProcess.bootstrap(brokers);
            common.add("--support.kafka.replication-factor=3");
        } else {
            bootstrap = System.getProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
        }
        events = new EventLog(bootstrap);
        mail = PlatformApi.startMailServer();
        webhook = PlatformApi.startOnCallWebhook();

        Path resources = Path.of("src/test/resources/e2e").toAbsolutePath();
        common.addAll(List.of("--spring.profiles.active=local", "--server.address=127.0.0.1",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--support.policy.file=" + resources.resolve("policy.yaml"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--logging.level.root=WARN", "--logging.level.no.biztek=INFO"));
        intake = new ServiceProcess("intake-service", common, logs);
        services.add(intake);
        for (int i = 0; i < 2; i++) {
            String state = "--spring.kafka.streams.state-dir=" + work.resolve("state-" + i);
            slaTimer[i] = ServiceProcess.instance("sla-timer-service", i + 1, "sla-status", with(common, state), logs);
            escalation[i] = ServiceProcess.instance("escalation-service", i + 1, "readiness", with(common, state,
                    "--spring.config.additional-location=file:" + resources.resolve("escalation.yaml"),
                    "--support.escalation.delivery.webhook.url=" + webhook.baseUrl() + "/oncall",
                    "--support.escalation.delivery.mail.enabled=true"), logs);
            notification[i] = ServiceProcess.instance("notification-service", i + 1, "readiness",
                    with(common, state), logs);
            services.addAll(List.of(slaTimer[i], escalation[i], notification[i]));
        }
        for (ServiceProcess service : services) {
            service.start();
        }
        for (ServiceProcess service : services) {
            service.awaitReady(START);
        }
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        for (ServiceProcess service : services) {
            service.stop();
        }
        for (BrokerProcess broker : brokers) {
            broker.stop();
        }
        if (webhook != null) {
            webhook.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void instancesAndABrokerKilledMidFlowLoseNothingAndDoubleNothing() throws Exception {
        assertThat(send(intake, "PUT", "/api/v1/customers/" + CUSTOMER, """
                {"name": "Kunde Cluster AS", "locale": "nb",
                 "notificationContacts": [{"name": "IT-drift", "email": "%s"}]}""".formatted(CONTACT)).statusCode())
                .isEqualTo(200);
        List<String> critical = new ArrayList<>();
        List<String> serious = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            critical.add(open("critical-" + i, 1));
        }
        Instant seriousOpened = Instant.now();
        for (int i = 0; i < 6; i++) {
            serious.add(open("serious-" + i, 2));
        }
        List<String> tickets = new ArrayList<>(critical);
        tickets.addAll(serious);
        for (String ticket : critical) {
            events.await("level 1 page of " + ticket, Topics.ESCALATION_EVENTS, e -> e.getTicketId().equals(ticket)
                    && e.getPayload() instanceof OnCallPaged, FLOW);
        }
        Map<String, String> escalationIds = new LinkedHashMap<>();
        for (String ticket : critical) {
            HttpResponse<String> opened = send(escalation[0], "POST", "/api/v1/tickets/" + ticket
                    + "/vendor-escalations", """
                    {"vendor": "MICROSOFT", "vendorService": "M365", "vendorCaseReference": "%s",
                     "openedBy": "per@biztek.example"}""".formatted(caseReference(ticket)));
            assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
            escalationIds.put(ticket, json(opened).get("escalationId").asString());
        }

        // a few seconds before the breaches fall due, so their partitions have no live owner when they do
        sleepUntil(seriousOpened.plus(SERIOUS_TARGET).minusSeconds(7));
        if (!brokers.isEmpty()) {
            brokers.get(1).killHard();
        }
        slaTimer[1].killHard();
        escalation[1].killHard();
        notification[1].killHard();
        Instant killed = Instant.now();
        log("killed one instance of each Kafka Streams service" + (brokers.isEmpty() ? "" : " and Kafka node 2"));
        StatusWatch watch = new StatusWatch(slaTimer[0], tickets);
        watch.start();

        int timeEntries = 0;
        for (String escalationId : escalationIds.values()) {
            String consultant = "consultant-" + timeEntries + "@biztek.example"; // one person's entries never overlap
            retryWhileUnavailable(() -> send(escalation[0], "POST", "/api/v1/vendor-escalations/" + escalationId
                    + "/status", """
                    {"status": "INVESTIGATING", "message": "Microsoft is collecting logs."}"""), 200);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int minutesAgo : new int[] {90, 30}) {
                String entry = """
                        {"consultant": "%s", "startedAt": "%s", "endedAt": "%s", "note": "cluster"}"""
                        .formatted(consultant, now.minus(minutesAgo, ChronoUnit.MINUTES),
                                now.minus(minutesAgo - 20L, ChronoUnit.MINUTES));
                retryWhileUnavailable(() -> send(escalation[0], "POST", "/api/v1/vendor-escalations/" + escalationId
                        + "/time-entries", entry), 201);
                timeEntries++;
            }
        }
        log(timeEntries + " time entries and " + escalationIds.size() + " status changes recorded");
        sleepUntil(killed.plus(SESSION_TIMEOUT).plusSeconds(10)); // the killed instance's partitions have moved

        if (!brokers.isEmpty()) {
            brokers.get(1).start();
        }
        Instant restarted = Instant.now();
        for (ServiceProcess instance : List.of(slaTimer[1], escalation[1], notification[1])) {
            instance.start();
        }
        for (ServiceProcess instance : List.of(slaTimer[1], escalation[1], notification[1])) {
            instance.awaitReady(START);
            log(instance.name + " back (JVM start, group join, state restored) "
                    + Duration.between(restarted, Instant.now()).toSeconds() + " s after its restart");
        }
        Map<Integer, Integer> statusAnswers = watch.stop();
        log("the surviving sla-timer instance answered " + statusAnswers + " (status code: times) from the kill on, "
                + watch.askedAgain() + " of them after a 503 and its Retry-After");
        assertThat(statusAnswers).as("the surviving instance's answers from the kill until the others were back")
                .containsOnlyKeys(200);
        assertThat(watch.askedAgain()).as("asks that needed a second try (a store closed by a rebalance)")
                .isLessThanOrEqualTo(statusAnswers.get(200) / 50);

        Map<String, SlaEvent> breaches = new LinkedHashMap<>();
        for (String ticket : serious) {
            breaches.put(ticket, events.await("breach of " + ticket, Topics.SLA_EVENTS,
                    e -> e.getTicketId().equals(ticket) && e.getPayload() instanceof SlaBreached, FLOW));
            events.await("breach page of " + ticket, Topics.ESCALATION_EVENTS, e -> e.getTicketId().equals(ticket)
                    && e.getPayload() instanceof OnCallPaged paged && paged.getCause() == PageCause.SLA_BREACHED, FLOW);
        }
        for (String ticket : critical) {
            for (NotificationTemplate template : List.of(NotificationTemplate.VENDOR_ESCALATION_OPENED,
                    NotificationTemplate.VENDOR_STATUS_CHANGED)) {
                events.await(template + " for " + ticket, Topics.NOTIFICATION_EVENTS, notified(ticket, template), FLOW);
            }
        }
        int expectedLines = timeEntries;
        Awaitility.await("billing lines").atMost(FLOW).until(() -> billing().size() >= expectedLines);
        log("every outcome arrived");
        Thread.sleep(5_000); // anything doubled by a late redelivery would show by now

        Set<String> ours = Set.copyOf(tickets);
        List<EventLog.Timed<SlaEvent>> sla = events.timed(Topics.SLA_EVENTS, e -> ours.contains(e.getTicketId()));
        assertNoDuplicateIds(sla.stream().map(EventLog.Timed::value).toList(), SlaEvent::getEventId);
        assertThat(countBy(sla.stream().map(EventLog.Timed::value).filter(e -> e.getPayload() instanceof SlaClockStarted)
                .toList(), SlaEvent::getTicketId)).as("one clock per ticket (the e2e plan measures first response only)")
                .containsOnlyKeys(ours).allSatisfy((ticket, count) -> assertThat(count).isEqualTo(1L));
        Map<String, Long> breachCount = countBy(sla.stream().map(EventLog.Timed::value)
                .filter(e -> e.getPayload() instanceof SlaBreached).toList(), SlaEvent::getTicketId);
        assertThat(breachCount).as("every breach exactly once").containsOnlyKeys(serious)
                .allSatisfy((ticket, count) -> assertThat(count).isEqualTo(1L));
        Duration latest = sla.stream().filter(t -> t.value().getPayload() instanceof SlaBreached)
                .map(t -> Duration.between(t.value().getDueAt(), t.timestamp())).max(Duration::compareTo).orElseThrow();
        log("the latest breach came " + latest.toMillis() + " ms after its deadline");
        assertThat(latest).as("late by no more than the session timeout plus the hand-over")
                .isLessThanOrEqualTo(brokers.isEmpty() ? SESSION_TIMEOUT.plus(HAND_OVER)
                        : BROKER_SESSION_TIMEOUT.plus(SESSION_TIMEOUT).plus(HAND_OVER));

        List<EscalationEvent> escalations = events.all(Topics.ESCALATION_EVENTS, e -> ours.contains(e.getTicketId()));
        assertNoDuplicateIds(escalations, EscalationEvent::getEventId);
        assertThat(countBy(escalations.stream().filter(e -> e.getPayload() instanceof OnCallPaged).toList(),
                e -> e.getTicketId() + " " + ((OnCallPaged) e.getPayload()).getCause()))
                .as("one page per cause and ticket").hasSize(tickets.size())
                .allSatisfy((cause, count) -> assertThat(count).isEqualTo(1L));
        assertThat(countBy(escalations.stream().filter(e -> e.getPayload() instanceof PageReEscalated).toList(),
                ClusterFailoverTest::reEscalationStep)).as("each re-escalation once (per page, round and level)")
                .allSatisfy((step, count) -> assertThat(count).isEqualTo(1L));

        List<NotificationEvent> told = events.all(Topics.NOTIFICATION_EVENTS, e -> ours.contains(e.getTicketId()));
        assertNoDuplicateIds(told, NotificationEvent::getEventId);
        assertThat(countBy(told.stream().filter(e -> e.getPayload() instanceof CustomerNotified).toList(),
                e -> e.getTicketId() + " " + ((CustomerNotified) e.getPayload()).getTemplate()))
                .as("each cause told once").hasSize(critical.size() * 2)
                .allSatisfy((cause, count) -> assertThat(count).isEqualTo(1L));
        for (String ticket : critical) {
            Map<String, List<Set<String>>> copies = mailsAbout(mail, caseReference(ticket));
            assertThat(copies).as("mails about " + caseReference(ticket)).hasSize(2);
            assertThat(copies.values()).allSatisfy(copy -> assertThat(copy).hasSize(2).allSatisfy(recipients ->
                    assertThat(recipients).containsExactlyInAnyOrder(REQUESTER, CONTACT)));
        }

        List<BillingEvent> lines = billing();
        assertNoDuplicateIds(lines, BillingEvent::getEventId);
        assertThat(lines).as("one billing line per time entry").hasSize(timeEntries);

        for (ServiceProcess instance : slaTimer) {
            for (String ticket : tickets) {
                assertThat(send(instance, "GET", "/api/v1/tickets/" + ticket + "/sla", null).statusCode())
                        .as("%s asked at %s", ticket, instance.uri("")).isEqualTo(200);
            }
        }
    }

    /**
     * Asks one instance for every ticket's SLA status, again and again, on a thread of its own until stopped, as a
     * client does: a 503 is asked again once after its Retry-After. Counts the final answers by status code.
     */
    private static final class StatusWatch {

        private final Map<Integer, Integer> answers = new java.util.concurrent.ConcurrentSkipListMap<>();
        private final java.util.concurrent.atomic.AtomicInteger askedAgain = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread thread;
        private volatile boolean stopped;

        StatusWatch(ServiceProcess instance, List<String> tickets) {
            thread = new Thread(() -> {
                try {
                    while (!stopped) {
                        for (String ticket : tickets) {
                            answers.merge(ask(instance, ticket), 1, Integer::sum);
                        }
                        Thread.sleep(500);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "status-watch");
            thread.setDaemon(true);
        }

        private int ask(ServiceProcess instance, String ticket) throws InterruptedException {
            HttpResponse<String> answer = send(instance, "GET", "/api/v1/tickets/" + ticket + "/sla", null);
            if (answer.statusCode() == 503) {
                log("status of " + ticket + ": 503 " + answer.body() + "; asked again after its Retry-After");
                askedAgain.incrementAndGet();
                Thread.sleep(1000L * Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1")));
                answer = send(instance, "GET", "/api/v1/tickets/" + ticket + "/sla", null);
            }
            return answer.statusCode();
        }

        void start() {
            thread.start();
        }

        Map<Integer, Integer> stop() throws InterruptedException {
            stopped = true;
            thread.join();
            return new TreeMap<>(answers);
        }

        int askedAgain() {
            return askedAgain.get();
        }
    }

    private static void log(String what) {
        System.out.printf("%s ClusterFailoverTest: %s%n", Instant.now(), what);
    }

    private static String reEscalationStep(EscalationEvent event) {
        PageReEscalated step = (PageReEscalated) event.getPayload();
        return step.getPageId() + " round " + step.getRound() + " level " + step.getLevel();
    }

    private static String open(String name, int severity) {
        HttpResponse<String> response = send(intake, "POST", "/api/v1/tickets", """
                {"source": "cluster", "externalId": "%s-%s", "customerId": "%s", "severity": %d, "channel": "PHONE",
                 "title": "Cluster %s", "description": "Cluster failover test ticket",
                 "requester": {"name": "Kari Nordmann", "email": "%s"}}"""
                .formatted(name, RUN, CUSTOMER, severity, name, REQUESTER));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("ticketId").asString();
    }

    private static String caseReference(String ticket) {
        return "CASE-" + ticket.substring(0, 8).toUpperCase();
    }

    private static Predicate<NotificationEvent> notified(String ticket, NotificationTemplate template) {
        return e -> e.getTicketId().equals(ticket) && e.getPayload() instanceof CustomerNotified told
                && told.getTemplate() == template;
    }

    private static List<BillingEvent> billing() {
        return events.all(Topics.BILLING, e -> e.getCustomerId().equals(CUSTOMER));
    }

    /** A client's answer to 503 with Retry-After: ask again (the API's writes are idempotent). */
    private static void retryWhileUnavailable(java.util.function.Supplier<HttpResponse<String>> request, int expected) {
        Awaitility.await("an answer other than 503").atMost(FLOW).pollInterval(Duration.ofSeconds(1)).until(() -> {
            HttpResponse<String> response = request.get();
            if (response.statusCode() == 503) {
                return false;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
            return true;
        });
    }

    private static <E> Map<String, Long> countBy(List<E> values, java.util.function.Function<E, String> key) {
        return values.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
