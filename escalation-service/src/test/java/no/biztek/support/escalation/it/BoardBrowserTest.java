package no.biztek.support.escalation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.policy.file.PolicyFile;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.sla.ClockStopReason;
import no.biztek.support.schemas.sla.SlaBreached;
import no.biztek.support.schemas.sla.SlaClockPaused;
import no.biztek.support.schemas.sla.SlaClockResumed;
import no.biztek.support.schemas.sla.SlaClockStarted;
import no.biztek.support.schemas.sla.SlaClockStopped;
import no.biztek.support.schemas.sla.SlaEvent;
import no.biztek.support.schemas.sla.SlaWarning;
import no.biztek.support.schemas.ticket.TicketEvent;
import no.biztek.support.schemas.ticket.TicketOpened;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.browser.HeadlessChromium;

/**
 * The live SLA board in a real browser (headless Chromium at a wall screen's size) through a kiosk link, on the
 * shared embedded broker: tickets opened as intake and the SLA timer write them appear, their countdowns run, a hold
 * shows as paused with its reason, a breach flips the row; 10,000 clocks keep the page usable (only the visible rows
 * in the DOM, the last one reachable by scrolling, filters narrowing the list). Screenshots {@code board} and
 * {@code board-10k} ({@code -Dscreenshots.dir=$PWD/docs/images} refreshes the README's). Skipped outside CI when
 * Chromium is not installed.
 */
class BoardBrowserTest extends EscalationIntegrationTest {

    private static final int WIDTH = 1440;
    private static final int HEIGHT = 810;
    private static final BusinessCalendar CALENDAR = PolicyFile.defaultCatalogue().versionById("biztek-2020-01")
            .orElseThrow().calendar();

    private final String customer = unique("board-browser");
    private final List<SlaEvent> opened = new ArrayList<>();

    @Test
    void aTicketOpenedAppearsCountsDownPausesWithItsReasonAndFlipsToBreached() throws Exception {
        // a Tuesday morning: the desk is open, so business time runs too
        CLOCK.set(CALENDAR.nextOpening(CLOCK.instant().plus(Duration.ofHours(1))).plus(Duration.ofHours(2)));
        Instant now = CLOCK.instant();
        var directory = TestEvents.customer(customer, null);
        directory.setName("Nordic Shipping AS");
        publish(Topics.CUSTOMERS, customer, directory);
        // the board's neighbours in the screenshot: a warned critical clock, a paused one, a breached one
        open(customer, "Production line stopped", Severity.CRITICAL, now.minus(Duration.ofMinutes(47)), 60, 75);
        SlaEvent held = open(customer, "VPN drops every hour", Severity.SERIOUS, now.minus(Duration.ofMinutes(30)),
                240, 0);
        publish(Topics.SLA_EVENTS, held.getTicketId(), sla(held, now, held.getDueAt(), SlaClockPaused.newBuilder()
                .setReason("WAITING_ON_VENDOR").setBusinessMinutesElapsed(30).build()));
        SlaEvent late = open(customer, "Invoice PDF has wrong VAT", Severity.LESS_SERIOUS,
                now.minus(Duration.ofDays(3)), 480, 90);
        publish(Topics.SLA_EVENTS, late.getTicketId(), sla(late, late.getDueAt(), late.getDueAt(),
                SlaBreached.newBuilder().setTargetMinutes(480).build()));

        try (HeadlessChromium browser = HeadlessChromium.start(WIDTH, HEIGHT)) {
            browser.open(kioskUrl("Desk wall screen"));
            browser.waiting().until(ExpectedConditions.textToBe(By.id("status"), "Live"));
            // the shared broker holds other tests' clocks too: show this customer's
            browser.waiting().until(d -> !d.findElements(By.cssSelector("#f-customer option[value='" + customer
                    + "']")).isEmpty());
            new Select(browser.driver().findElement(By.id("f-customer"))).selectByValue(customer);

            SlaEvent started = open(customer, "E-mail is down for the whole office", Severity.SERIOUS, now, 240, 0);
            String id = started.getTicketId() + "|first-response";
            WebElement row = awaitRow(browser, id);
            assertThat(row.getText()).contains("Severity 2 – Serious", "Nordic Shipping AS",
                    "E-mail is down for the whole office", "First response", "running", "due ");
            assertThat(row.getText()).as("codes in words").doesNotContain("SERIOUS", "first-response");
            assertThat(rowOf(browser, id).findElement(By.className("ticket")).getAttribute("textContent"))
                    .as("the ticket as the desk knows it: its source and id there")
                    .isEqualTo("E-mail is down for the whole office · portal INC-" + started.getTicketId());

            String before = cell(browser, id, "clock");
            browser.waiting().until(d -> !cell(browser, id, "clock").equals(before));
            assertThat(cell(browser, id, "biz")).as("4 h of business time, less what passed").startsWith("3h 59m");

            assertThat(browser.text()).contains("paused: waiting on vendor", "breached +", "Production line stopped",
                    "running · warning 75 %");
            assertThat(rowOf(browser, late.getTicketId() + "|first-response").getAttribute("class"))
                    .contains("breached");
            assertThat(rowOf(browser, opened.get(0).getTicketId() + "|first-response").getAttribute("class"))
                    .as("47 of 60 minutes used").contains("w75");
            assertThat(browser.driver().findElements(By.cssSelector("main .row")).stream()
                    .sorted(java.util.Comparator.comparingInt(e -> e.getRect().getY()))
                    .map(e -> e.getAttribute("data-id")).toList())
                    .as("sorted by time to breach: breached, then by due time, paused last")
                    .containsSubsequence(late.getTicketId() + "|first-response",
                            opened.get(0).getTicketId() + "|first-response", id,
                            held.getTicketId() + "|first-response");
            browser.screenshot("board");

            CLOCK.advance(Duration.ofMinutes(20));
            publish(Topics.SLA_EVENTS, started.getTicketId(), sla(started, CLOCK.instant(), started.getDueAt(),
                    SlaClockPaused.newBuilder().setReason("WAITING_ON_CUSTOMER").setBusinessMinutesElapsed(20)
                            .build()));
            browser.waiting().until(d -> cell(browser, id, "state").equals("paused: waiting on customer"));
            assertThat(cell(browser, id, "biz")).isEqualTo("3h 40m 00s");

            CLOCK.advance(Duration.ofMinutes(10));
            Instant due = CLOCK.instant().plus(Duration.ofMinutes(220));
            publish(Topics.SLA_EVENTS, started.getTicketId(), sla(started, CLOCK.instant(), due,
                    SlaClockResumed.newBuilder().setReason("WAITING_ON_CUSTOMER").setBusinessMinutesElapsed(20)
                            .build()));
            browser.waiting().until(d -> cell(browser, id, "state").equals("running"));

            CLOCK.set(due.plus(Duration.ofMinutes(5)));
            publish(Topics.SLA_EVENTS, started.getTicketId(), sla(started, due, due,
                    SlaBreached.newBuilder().setTargetMinutes(240).build()));
            browser.waiting().until(d -> cell(browser, id, "state").startsWith("breached +0h 05m"));
            assertThat(rowOf(browser, id).getAttribute("class")).contains("breached");
            assertThat(browser.driver().findElements(By.tagName("script"))).hasSize(1);
        } finally {
            stopAll(opened);
        }
    }

    @Test
    void tenThousandClocksKeepThePageUsable() throws Exception {
        Instant now = CLOCK.instant();
        String bulk = unique("bulk");
        List<SlaEvent> clocks = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String ticket = bulk + "-" + String.format("%05d", i);
            clocks.add(SlaEvent.newBuilder().setEventId(TestEvents.newId()).setTicketId(ticket)
                    .setCustomerId(bulk + "-customer-" + (i % 100)).setOccurredAt(now)
                    .setProducer("sla-timer-service").setSeverity(i % 3 == 0 ? Severity.SERIOUS : Severity.LESS_SERIOUS)
                    .setPolicyVersion("biztek-2020-01").setOpenedAt(now)
                    .setDueAt(now.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(i)))
                    .setPayload(SlaClockStarted.newBuilder().setTargetMinutes(480).setPagesAroundTheClock(false)
                            .build()).build());
        }
        try (HeadlessChromium browser = HeadlessChromium.start(WIDTH, HEIGHT)) {
            publishAll(Topics.SLA_EVENTS, SlaEvent::getTicketId, clocks);
            browser.open(kioskUrl("Stress screen"));
            // 10,000 clocks reach the page as a burst of deltas or, when that outruns its queue, through a
            // reconnect and a snapshot: give the slow machine time for either
            new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(d -> total(browser) >= 10_000);

            int inDom = browser.driver().findElements(By.cssSelector("main .row")).size();
            assertThat(inDom).as("only the visible rows (and a few around them) are in the DOM")
                    .isBetween(5, 40);
            String last = clocks.get(clocks.size() - 1).getTicketId() + "|first-response";
            browser.script("var m = document.getElementById('board'); m.scrollTop = m.scrollHeight;");
            browser.waiting().until(d -> !d.findElements(By.cssSelector("main .row[data-id='" + last + "']"))
                    .isEmpty());
            assertThat(browser.driver().findElements(By.cssSelector("main .row")).size()).isBetween(5, 40);

            String someCustomer = bulk + "-customer-7";
            new Select(browser.driver().findElement(By.id("f-customer"))).selectByValue(someCustomer);
            browser.waiting().until(ExpectedConditions.textMatches(By.id("count"),
                    java.util.regex.Pattern.compile("^100 of \\d+ clocks$")));
            assertThat(browser.driver().findElements(By.cssSelector("main .row")).stream()
                    .map(e -> e.findElement(By.className("cust")).getText()).distinct().toList())
                    .containsExactly(someCustomer);
            new Select(browser.driver().findElement(By.id("f-severity"))).selectByValue("SERIOUS");
            browser.waiting().until(ExpectedConditions.textMatches(By.id("count"),
                    java.util.regex.Pattern.compile("^(33|34) of \\d+ clocks$")));
            browser.screenshot("board-10k");
        } finally {
            stopAll(clocks);
        }
        // the test classes after this one share the service: it is done with the 20,000 records before they start
        awaitStreamsRead(Topics.SLA_EVENTS, Topics.TICKET_EVENTS);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> json(api.get("/api/v1/board", READER))
                .get("rows").valueStream().noneMatch(row -> row.get("ticketId").asString().startsWith(bulk)));
    }

    private String kioskUrl(String name) {
        var response = api.post("/api/v1/board/links", "{\"name\":\"" + name + "\",\"validFor\":\"P1D\"}", WRITER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String url = json(response).get("url").asString();
        return "http://localhost:" + port + url.substring(url.indexOf("/board/"));
    }

    private SlaEvent open(String customerId, String title, Severity severity, Instant openedAt, int targetMinutes,
                          int warned) {
        String ticket = TestEvents.newId();
        TicketEvent ticketOpened = TestEvents.ticketOpened(ticket, customerId, severity, openedAt);
        ((TicketOpened) ticketOpened.getPayload()).setTitle(title);
        publish(Topics.TICKET_EVENTS, ticket, ticketOpened);
        Instant due = CALENDAR.plusBusinessTime(openedAt, Duration.ofMinutes(targetMinutes));
        SlaEvent started = SlaEvent.newBuilder().setEventId(TestEvents.newId()).setTicketId(ticket)
                .setCustomerId(customerId).setOccurredAt(openedAt).setProducer("sla-timer-service")
                .setSeverity(severity).setPolicyVersion("biztek-2020-01").setOpenedAt(openedAt).setDueAt(due)
                .setPayload(SlaClockStarted.newBuilder().setTargetMinutes(targetMinutes)
                        .setPagesAroundTheClock(severity == Severity.CRITICAL).build()).build();
        publish(Topics.SLA_EVENTS, ticket, started);
        if (warned > 0) {
            publish(Topics.SLA_EVENTS, ticket, sla(started, openedAt, due, SlaWarning.newBuilder()
                    .setThresholdPercent(warned).setBusinessMinutesElapsed(warned * targetMinutes / 100L)
                    .setTargetMinutes(targetMinutes).build()));
        }
        opened.add(started);
        return started;
    }

    private static SlaEvent sla(SlaEvent clock, Instant at, Instant due, Object payload) {
        return SlaEvent.newBuilder(clock).setEventId(TestEvents.newId()).setOccurredAt(at).setDueAt(due)
                .setPayload(payload).build();
    }

    private void stopAll(List<SlaEvent> clocks) {
        publishAll(Topics.SLA_EVENTS, SlaEvent::getTicketId, clocks.stream().map(c -> sla(c, CLOCK.instant(),
                c.getDueAt(), SlaClockStopped.newBuilder().setReason(ClockStopReason.RESOLVED_WITHOUT_RESPONSE)
                        .setBusinessMinutesElapsed(0).build())).toList());
        publishAll(Topics.TICKET_EVENTS, TicketEvent::getTicketId, clocks.stream()
                .map(c -> TestEvents.resolved(c.getTicketId(), c.getCustomerId(), CLOCK.instant())).toList());
    }

    private static WebElement awaitRow(HeadlessChromium browser, String id) {
        return browser.waiting().until(d -> d.findElements(By.cssSelector("main .row[data-id='" + id + "']"))
                .stream().findFirst().orElse(null));
    }

    private static WebElement rowOf(HeadlessChromium browser, String id) {
        return awaitRow(browser, id);
    }

    private static String cell(HeadlessChromium browser, String id, String name) {
        return rowOf(browser, id).findElement(By.className(name)).getText();
    }

    private static long total(HeadlessChromium browser) {
        String text = browser.driver().findElement(By.id("count")).getText();
        String[] words = text.split(" ");
        return words.length < 2 ? 0 : Long.parseLong(words[words.length - 2]);
    }
}
