package no.biztek.support.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The browser fixture itself: a phone-sized viewport, the sideways-scrolling check, full-page screenshots. */
class HeadlessChromiumTest {

    private static final String PHONE_PAGE = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body>"
            + "<h1>Fits</h1><div style=\"height:2000px\">tall</div></body></html>";

    @Test
    void aPhoneSizedPageFitsAndAWideOneScrollsSideways() throws Exception {
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.show(PHONE_PAGE);
            assertThat(browser.await(By.tagName("h1")).getText()).isEqualTo("Fits");
            assertThat(browser.viewportWidth()).isEqualTo(HeadlessChromium.PHONE_WIDTH);
            assertThat(browser.scrollsHorizontally()).isFalse();

            Path shot = browser.screenshot("headless-chromium-test");
            byte[] png = Files.readAllBytes(shot);
            assertThat(shot).isEqualTo(Path.of("target", "screenshots", "headless-chromium-test.png"));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            int height = ((png[20] & 0xff) << 24) | ((png[21] & 0xff) << 16) | ((png[22] & 0xff) << 8) | (png[23] & 0xff);
            assertThat(height).as("the whole page, not only the viewport (2 device pixels per CSS pixel)")
                    .isGreaterThan(2 * 2000);

            browser.show(PHONE_PAGE.replace("height:2000px", "width:1200px"));
            browser.await(By.tagName("h1"));
            assertThat(browser.scrollsHorizontally()).isTrue();
        }
    }
}
