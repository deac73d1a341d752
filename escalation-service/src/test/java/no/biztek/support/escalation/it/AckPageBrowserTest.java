package no.biztek.support.escalation.it;

import static no.biztek.support.escalation.TestEvents.ticketOpened;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.escalation.OnCallPaged;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.browser.HeadlessChromium;

/**
 * The acknowledgement page in a real browser (headless Chromium at a phone's 390 px), on the shared embedded broker
 * and GreenMail: a critical ticket pages, the link is taken from the real page mail, the page shows its facts in words
 * without sideways scrolling, the button acknowledges (the API agrees), and a second press is refused politely,
 * saying who acknowledged and when. Screenshots: {@code page-mail}, {@code ack-page}, {@code ack-confirmed}
 * (see {@link HeadlessChromium#screenshot(String)}; {@code -Dscreenshots.dir=$PWD/docs/images} refreshes the README's).
 * Skipped outside CI when Chromium is not installed.
 */
class AckPageBrowserTest extends EscalationIntegrationTest {

    private static final DateTimeFormatter OSLO = DateTimeFormatter.ofPattern("HH:mm, EEE d MMM", Locale.ENGLISH)
            .withZone(ZoneId.of("Europe/Oslo"));
    /** The link of a page mail; the mail names the configured base URL, the test server listens elsewhere. */
    private static final Pattern ACK_LINK = Pattern.compile("https?://[^/\\s]+(/ack/[A-Za-z0-9_.-]+)");

    private final String ticket = TestEvents.newId();
    private final String customer = unique("kunde");

    @Test
    void theEngineerPagedOpensTheLinkFromThePageMailOnAPhoneAndAcknowledges() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            var directoryEntry = TestEvents.customer(customer, null);
            directoryEntry.setName("Nordic Shipping AS");
            directoryEntry.setPhone("+47 22 00 00 00");
            publish(Topics.CUSTOMERS, customer, directoryEntry);
            publish(Topics.SLA_EVENTS, ticket, TestEvents.warning(ticket, customer, Severity.CRITICAL, 50,
                    CLOCK.instant(), CLOCK.instant().plus(Duration.ofHours(1))));
            publish(Topics.TICKET_EVENTS, ticket, ticketOpened(ticket, customer, Severity.CRITICAL, CLOCK.instant()));
            OnCallPaged paged = (OnCallPaged) awaitRecord(Topics.ESCALATION_EVENTS,
                    r -> r.key().equals(ticket) && r.value().getPayload() instanceof OnCallPaged).value().getPayload();
            String pageId = paged.getPageId();
            MimeMessage mail = awaitMail(paged.getPaged().getEmail());
            String mailText = (String) mail.getContent();
            Matcher link = ACK_LINK.matcher(mailText);
            assertThat(link.find()).as(mailText).isTrue();
            assertThat(mailText).contains("E-mail is down", "Nobody can send e-mail", "Nordic Shipping AS",
                    "+47 22 00 00 00", "portal INC-" + ticket, "First response due", "Open in portal: https://");
            String path = link.group(1);
            String url = "http://localhost:" + port + path;

            browser.show(asPage(mail, mailText));
            assertThat(browser.await(By.tagName("pre")).getText()).contains(ticket).contains("/ack/");
            browser.screenshot("page-mail");

            browser.open(url);
            String shown = browser.await(By.tagName("main")).getText();
            assertThat(shown).contains("Severity 1 – Critical", "Critical ticket opened",
                    paged.getPaged().getName() + ", on-call engineer (level 1)", "Acknowledge by",
                    OSLO.format(paged.getAcknowledgeBy()), customer, ticket, "E-mail is down", "Nobody can send e-mail",
                    "Nordic Shipping AS", "First response due", "portal INC-" + ticket);
            assertThat(browser.driver().findElement(By.cssSelector("a[href^='tel:']")).getText())
                    .isEqualTo("+47 22 00 00 00");
            assertThat(browser.driver().findElement(By.partialLinkText("portal INC-")).getAttribute("href"))
                    .isEqualTo("https://portal.biztek.example/tickets/INC-" + ticket);
            assertThat(shown).as("facts in words, not enum names or the page's UUID")
                    .doesNotContain("CRITICAL", "CRITICAL_TICKET_OPENED", "SLA_BREACHED", pageId);
            assertThat(browser.viewportWidth()).as("a phone's viewport").isEqualTo(HeadlessChromium.PHONE_WIDTH);
            assertThat(browser.scrollsHorizontally()).as("no sideways scrolling at 390 px").isFalse();
            assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
            WebElement button = browser.driver().findElement(By.cssSelector("form button"));
            assertThat(browser.driver().findElements(By.tagName("button"))).hasSize(1);
            assertThat(button.getText()).isEqualTo("Acknowledge");
            assertThat(button.getSize().getHeight()).as("a large button").isGreaterThanOrEqualTo(48);
            assertThat(button.getSize().getWidth()).as("full width").isGreaterThanOrEqualTo(HeadlessChromium.PHONE_WIDTH - 40);
            assertThat(json(api.get("/api/v1/pages/" + pageId, READER)).get("state").asString())
                    .as("showing the page changes nothing").isEqualTo("open");
            browser.screenshot("ack-page");

            // the same page in a second tab, as on a second device: its button is pressed after the first one
            String first = browser.driver().getWindowHandle();
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(url);
            browser.await(By.cssSelector("form button"));
            String second = browser.driver().getWindowHandle();
            browser.driver().switchTo().window(first);

            button.click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Acknowledged by"));
            JsonNode page = json(api.get("/api/v1/pages/" + pageId, READER));
            assertThat(page.get("state").asString()).isEqualTo("acknowledged");
            assertThat(page.get("acknowledgedVia").asString()).isEqualTo("LINK");
            assertThat(page.get("acknowledgedBy").asString()).isEqualTo(paged.getPaged().getEmail());
            String when = OSLO.format(Instant.parse(page.get("acknowledgedAt").asString()));
            String who = paged.getPaged().getName();
            assertThat(browser.text()).contains("Acknowledged by " + who + " at " + when + ".")
                    .doesNotContain("CRITICAL_TICKET_OPENED");
            assertThat(browser.driver().findElements(By.tagName("button"))).isEmpty();
            assertThat(browser.scrollsHorizontally()).isFalse();
            browser.screenshot("ack-confirmed");

            browser.driver().switchTo().window(second);
            browser.driver().findElement(By.cssSelector("form button")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
                    "Already acknowledged"));
            assertThat(browser.text()).contains("This page was already acknowledged by " + who + " at " + when + ".")
                    .doesNotContainIgnoringCase("exception").doesNotContain("Whitelabel").doesNotContain("at no.biztek");
            assertThat(browser.driver().findElements(By.tagName("button"))).isEmpty();

            browser.open(url);
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Already acknowledged");
            assertThat(browser.text()).contains("already acknowledged by " + who + " at " + when);
            var pressedAgain = api.send(api.request(path, null).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(pressedAgain.statusCode()).isEqualTo(410);
            assertThat(pressedAgain.headers().firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'none'").doesNotContain("script-src");
            assertThat(json(api.get("/api/v1/pages/" + pageId, READER)).get("acknowledgedBy").asString())
                    .as("the second press changed nothing").isEqualTo(paged.getPaged().getEmail());
        } finally {
            publish(Topics.TICKET_EVENTS, ticket, TestEvents.resolved(ticket, customer, CLOCK.instant()));
        }
    }

    private MimeMessage awaitMail(String to) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> to.equals(recipient(m)) && subject(m).contains("Critical ticket opened")
                        && GreenMailUtil.getBody(m).contains(ticket)).findFirst(), Optional::isPresent)
                .get();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text mail as a mail reader shows it: its headers, then the text as it is. */
    private static String asPage(MimeMessage mail, String text) throws MessagingException {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Page mail</title>"
                + "<style>body{margin:0;font:15px/1.4 system-ui,sans-serif;color:#1b1f24;background:#fff}"
                + "header{padding:12px 16px;border-bottom:1px solid #d0d4d9;background:#f4f5f7}"
                + "header p{margin:2px 0;overflow-wrap:anywhere}header b{color:#59626d;font-weight:600}"
                + "pre{margin:0;padding:12px 16px;white-space:pre-wrap;overflow-wrap:anywhere;"
                + "font:14px/1.45 ui-monospace,Menlo,Consolas,monospace}</style></head><body><header>"
                + "<p><b>From</b> " + HtmlUtils.htmlEscape(mail.getFrom()[0].toString(), "UTF-8") + "</p>"
                + "<p><b>To</b> " + HtmlUtils.htmlEscape(recipient(mail), "UTF-8") + "</p>"
                + "<p><b>Subject</b> " + HtmlUtils.htmlEscape(mail.getSubject(), "UTF-8") + "</p></header>"
                + "<pre>" + HtmlUtils.htmlEscape(text, "UTF-8") + "</pre></body></html>";
    }
}
