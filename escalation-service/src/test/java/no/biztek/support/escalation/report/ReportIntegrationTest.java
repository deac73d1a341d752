package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.report.SlaReportSnapshot;
import no.biztek.support.schemas.topic.Topics;

/**
 * The monthly report on the shared embedded broker: events in, JSON/CSV/HTML out; the month close writes exactly
 * one snapshot with two closers racing; a correction after the close leaves the snapshot as it was and shows in the
 * addendum; problem documents for bad requests. Months are relative to the shared test clock: the month before last
 * is closed (and kept), the current one is open.
 */
class ReportIntegrationTest extends ReportIntegrationSupport {

    private YearMonth current() {
        return months.monthOf(CLOCK.instant());
    }

    /** 10:00 Oslo on the 12th of the month. */
    private static String at(YearMonth month, int hour) {
        return LocalDate.of(month.getYear(), month.getMonth(), 12) + "T" + String.format("%02d", hour) + ":00";
    }

    private List<ConsumerRecord<String, SlaReportEntry>> snapshotsOnTopic(YearMonth month) {
        return readAll(Topics.SLA_REPORTS).stream().filter(r -> r.key().equals(customer + "|" + month)).toList();
    }

    @Test
    void aClosedMonthIsFrozenOnceAndLateCorrectionsGoToTheAddendum() throws Exception {
        YearMonth closed = current().minusMonths(2);
        var directory = TestEvents.customer(customer, null);
        directory.setName("Nordic Shipping AS");
        publish(Topics.CUSTOMERS, customer, directory);
        String late = unique("t-late");
        String onTime = unique("t-ok");
        ReportEvents breached = ReportEvents.opened(late, customer, Severity.LESS_SERIOUS, Channel.EMAIL,
                at(closed, 10)).breached("first-response", at(closed, 18));
        publishAll(breached.events());
        publishAll(ReportEvents.opened(onTime, customer, Severity.LESS_SERIOUS, Channel.PORTAL, at(closed, 9))
                .met("first-response", 90, at(closed, 11)).events());
        publishAll(ReportEvents.opened(unique("t-now"), customer, Severity.LESS_SERIOUS, Channel.PHONE,
                java.time.LocalDateTime.ofInstant(CLOCK.instant(), ReportEvents.OSLO).toString()).events());

        JsonNode computed = json(Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get(path(closed), READER), r -> r.statusCode() == 200
                        && json(r).get("metrics").get(0).get("tickets").asInt() == 2));
        assertThat(computed.get("status").asString()).as("no snapshot yet").isEqualTo("final-computed");
        assertThat(computed.get("customerName").asString()).isEqualTo("Nordic Shipping AS");

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> await(start, closer("closer-a")));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> await(start, closer("closer-b")));
        start.countDown();
        first.get();
        second.get();

        List<ConsumerRecord<String, SlaReportEntry>> frozen = snapshotsOnTopic(closed);
        assertThat(frozen).as("exactly one snapshot").hasSize(1);
        SlaReportSnapshot snapshot = (SlaReportSnapshot) frozen.get(0).value().getPayload();
        assertThat(snapshot.getClosedAt()).isEqualTo(months.closeOf(closed));
        assertThat(readAll(Topics.SLA_REPORTS).stream().filter(r -> r.key().equals("claim|" + customer + "|" + closed))
                .map(r -> ((no.biztek.support.schemas.report.SlaReportClaimed) r.value().getPayload()).getInstance())
                .findFirst()).as("the first claim wins").hasValueSatisfying(winner ->
                assertThat(frozen.get(0).value().getProducer()).isEqualTo("escalation-service"));
        assertThat(closer("closer-c").closeDue()).as("nothing left to close").isZero();

        JsonNode finalReport = json(api.get(path(closed), READER));
        assertThat(finalReport.get("status").asString()).isEqualTo("final");
        assertThat(finalReport.get("metrics").get(0).get("breached").asInt()).isEqualTo(1);
        assertThat(finalReport.get("metrics").get(0).get("met").asInt()).isEqualTo(1);
        assertThat(finalReport.get("addendum").get("changes")).isEmpty();

        // after the close, a late response withdraws the breach (as sla-timer would): the snapshot stays as sent
        Instant correctedAt = CLOCK.instant();
        publishAll(ReportEvents.correction(breached, "first-response", correctedAt, 45));
        JsonNode withAddendum = json(Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> api.get(path(closed), READER), r -> json(r).get("addendum").get("changes").size() >= 2));
        assertThat(withAddendum.get("metrics").get(0).get("breached").asInt()).as("the snapshot").isEqualTo(1);
        assertThat(withAddendum.get("breaches").get(0).get("ticketId").asString()).isEqualTo(late);
        assertThat(withAddendum.get("addendum").get("changes")).extracting(c -> c.get("kind").asString())
                .containsExactlyInAnyOrder("CORRECTION", "VERDICT_CHANGED");
        assertThat(withAddendum.get("addendum").get("changes")).allSatisfy(c ->
                assertThat(c.get("ticketId").asString()).isEqualTo(late));
        assertThat(snapshotsOnTopic(closed)).as("never rewritten").hasSize(1);

        HttpResponse<String> csv = api.send(api.request(path(closed), READER).header("Accept", "text/csv").GET());
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("customerId,month,status,ticketId,reference,title,openedAt,severity");
        assertThat(rows).anySatisfy(r -> assertThat(r).contains(late).contains(",first-response,BREACHED,"));
        assertThat(api.get(path(closed) + ".csv", READER).body()).isEqualTo(csv.body());
        assertThat(api.get(path(closed) + ".csv?part=summary", READER).body().lines().toList()).hasSize(2);

        HttpResponse<String> html = api.send(api.request(path(closed), READER).header("Accept", "text/html").GET());
        assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p ->
                assertThat(p).contains("default-src 'none'"));
        assertThat(html.body()).contains("<h1>SLA report ", "Nordic Shipping AS", "Addendum", "<h2 id=\"breaches\">")
                .doesNotContain("<script");

        JsonNode provisional = json(api.get(path(current()), READER));
        assertThat(provisional.get("status").asString()).isEqualTo("provisional");
        assertThat(provisional.get("summary").get("tickets").asInt()).isEqualTo(1);
    }

    private static int await(CountDownLatch start, MonthCloser closer) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return closer.closeDue();
    }

    @Test
    void badRequestsGetProblemDocuments() {
        publish(Topics.CUSTOMERS, customer, TestEvents.customer(customer, null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path(current()), READER).statusCode(),
                s -> s == 200);

        HttpResponse<String> malformed = api.get("/api/v1/reports/" + customer + "/2026-13", READER);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(errors(malformed)).containsKey("month");
        assertThat(api.get("/api/v1/reports/" + customer + "/october", READER).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/" + customer + "/2026-10.pdf", READER).statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = api.get("/api/v1/reports/" + unique("nobody") + "/" + current(), READER);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asString()).contains("No customer");
        HttpResponse<String> future = api.get(path(current().plusMonths(1)), READER);
        assertThat(future.statusCode()).isEqualTo(404);
        assertThat(json(future).get("detail").asString()).contains("has not begun");
        assertThat(api.get(path(current()), null).statusCode()).isEqualTo(401);
        assertThat(api.post(path(current()) + "/links", "", READER).statusCode()).as("a read token").isEqualTo(403);
    }

    @Test
    void theAcceptHeaderChoosesTheFormatByPreference() {
        publish(Topics.CUSTOMERS, customer, TestEvents.customer(customer, null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path(current()), READER).statusCode(),
                s -> s == 200);

        assertThat(type(path(current()), "application/json, text/html;q=0.5")).startsWith("application/json");
        assertThat(type(path(current()), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .startsWith("text/html");
        assertThat(type(path(current()), "text/csv;q=0.9, text/html;q=0.1")).startsWith("text/csv");
        assertThat(type(path(current()), "*/*")).startsWith("application/json");
        assertThat(type(path(current()) + ".html", "application/json")).as("the suffix wins").startsWith("text/html");
    }

    private String type(String path, String accept) {
        HttpResponse<String> answer = api.send(api.request(path, READER).header("Accept", accept).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void aSharedLinkOpensTheReportUntilItExpiresAndAForgedOneIsRefused() {
        publish(Topics.CUSTOMERS, customer, TestEvents.customer(customer, null));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path(current()), READER).statusCode(),
                s -> s == 200);
        HttpResponse<String> issued = api.post(path(current()) + "/links", "", WRITER);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String link = json(issued).get("path").asString();
        assertThat(link).startsWith("/reports/");
        assertThat(json(issued).get("url").asString()).as("where people reach the service, as for acknowledgement links")
                .isEqualTo("http://localhost:8083" + link);

        HttpResponse<String> page = api.get(link, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>SLA report ", "Provisional");

        String token = link.substring("/reports/".length());
        String forged = "/reports/" + (token.charAt(0) == 'a' ? 'b' : 'a') + token.substring(1);
        HttpResponse<String> refused = api.get(forged, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Invalid link").doesNotContainIgnoringCase("exception");
        assertThat(api.get("/reports/garbage", null).statusCode()).isEqualTo(401);

        Instant now = CLOCK.instant();
        try {
            CLOCK.set(Instant.parse(json(issued).get("expiresAt").asString()));
            HttpResponse<String> expired = api.get(link, null);
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("Link expired");
        } finally {
            CLOCK.set(now);
        }
    }
}
