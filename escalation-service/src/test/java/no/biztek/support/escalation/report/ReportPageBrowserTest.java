package no.biztek.support.escalation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import no.biztek.support.escalation.TestEvents;
import no.biztek.support.schemas.common.Channel;
import no.biztek.support.schemas.common.Severity;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.topic.Topics;
import no.biztek.support.testing.browser.HeadlessChromium;

/**
 * The customer's report page in a real browser (headless Chromium at a laptop's 1024 px), opened through a signed
 * link without a Bearer token: a closed month frozen by the month close, with a breach after a downgrade, a hold, a
 * vendor escalation and a correction that came after the close (the addendum). Screenshot {@code sla-report}
 * ({@code -Dscreenshots.dir=$PWD/docs/images} refreshes the README's). Skipped outside CI without Chromium.
 */
class ReportPageBrowserTest extends ReportIntegrationSupport {

    private static String day(YearMonth month, int day, String time) {
        return LocalDate.of(month.getYear(), month.getMonth(), day) + "T" + time;
    }

    @Test
    void theCustomerReadsTheClosedMonthsReportThroughASharedLink() {
        YearMonth month = months.monthOf(CLOCK.instant()).minusMonths(2);
        var directory = TestEvents.customer(customer, null);
        directory.setName("Nordic Shipping AS");
        publish(Topics.CUSTOMERS, customer, directory);
        String suffix = customer.substring(customer.length() - 4);
        publishAll(ReportEvents.opened("INC-1041-" + suffix, customer, Severity.LESS_SERIOUS, Channel.EMAIL,
                day(month, 9, "09:10")).known("zendesk", "48213", "Printer on the 2nd floor jams").met("first-response", 95, day(month, 9, "10:45")).events());
        publishAll(ReportEvents.opened("INC-1042-" + suffix, customer, Severity.SERIOUS, Channel.PHONE,
                day(month, 10, "08:00")).known("zendesk", "48227", "Invoices stuck in the ERP").changed(Severity.LESS_SERIOUS, "CUSTOMER_ANSWERS_MISSING",
                day(month, 10, "08:20")).breached("first-response", day(month, 12, "08:00"))
                .responded(day(month, 12, "11:20")).events());
        publishAll(ReportEvents.opened("INC-1043-" + suffix, customer, Severity.LESS_SERIOUS, Channel.PORTAL,
                day(month, 14, "13:00")).known("portal", "INC-1043", "Teams calls drop after 10 minutes")
                .held("WAITING_ON_CUSTOMER", day(month, 14, "13:30"))
                .resumed(day(month, 15, "09:00")).met("first-response", 200, day(month, 14, "16:20"))
                .vendor("esc-" + suffix, Vendor.MICROSOFT, "2610140010004711", day(month, 14, "14:00")).events());
        ReportEvents late = ReportEvents.opened("INC-1044-" + suffix, customer, Severity.LESS_SERIOUS,
                Channel.PORTAL, day(month, 20, "10:00")).known("portal", "INC-1044", "VPN slow for the warehouse")
                .breached("first-response", day(month, 21, "10:00"));
        publishAll(late.events());
        String path = path(month);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path, READER),
                r -> r.statusCode() == 200 && json(r).get("summary").get("tickets").asInt() == 4);
        closer("browser-test").closeDue();
        publishAll(ReportEvents.correction(late, "first-response", CLOCK.instant(), 410));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path, READER),
                r -> json(r).get("addendum").get("changes").size() >= 2);

        HttpResponse<String> issued = api.post(path + "/links", "", WRITER);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String link = "http://localhost:" + port + json(issued).get("path").asString();

        try (HeadlessChromium browser = HeadlessChromium.start(1024, 1400)) {
            browser.open(link);
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("SLA report "
                    + month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                    + month.getYear());
            String shown = browser.text();
            assertThat(shown).contains("Nordic Shipping AS", "Final, closed", "Tickets opened", "Summary",
                    "Response and resolution times", "Breaches", "Paused time", "Waiting on customer",
                    "Severity 3 – Less serious", "Severity 2 – Serious → Severity 3 – Less serious (Customer answers "
                            + "missing", "Microsoft", "2610140010004711", "Addendum: changes after the close",
                    "Breach withdrawn", "Met, 6 h 50 min", "1 h 35 min", "3 h 20 min", "Email", "Phone", "Portal");
            assertThat(shown).as("tickets as the customer knows them").contains(
                    "zendesk 48213 · Printer on the 2nd floor jams", "portal INC-1044 · VPN slow for the warehouse");
            assertThat(shown).as("words, not codes").doesNotContain("LESS_SERIOUS", "WAITING_ON_CUSTOMER",
                    "BREACH_WITHDRAWN", "first-response");
            assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("h2"))).extracting(e -> e.getText())
                    .startsWith("Summary", "Response and resolution times", "Tickets", "Breaches");
            assertThat(browser.scrollsHorizontally()).as("fits a laptop's width").isFalse();
            browser.screenshot("sla-report");

            String token = link.substring(link.lastIndexOf('/') + 1);
            String forged = link.substring(0, link.lastIndexOf('/') + 1) + (token.charAt(0) == 'a' ? 'b' : 'a')
                    + token.substring(1);
            browser.open(forged);
            browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Invalid link"));
            assertThat(browser.text()).contains("This report link is not valid").doesNotContain("Nordic Shipping");
        }
    }
}
