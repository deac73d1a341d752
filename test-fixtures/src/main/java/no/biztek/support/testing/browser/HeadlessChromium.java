package no.biztek.support.testing.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for tests: headless Chromium driven by ChromeDriver (Selenium), at a phone's size (390 × 844 CSS
 * pixels, a mobile viewport that honours {@code <meta name=viewport>}), with a fresh profile per instance, no
 * background networking, and no Selenium Manager (the driver and the browser are given by path, so nothing is looked
 * up or downloaded).
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start()) {   // skipped when Chromium is missing, outside CI
 *     browser.open("http://localhost:" + port + "/ack/" + token);
 *     browser.await(By.tagName("h1"));
 *     assertThat(browser.scrollsHorizontally()).isFalse();
 *     browser.screenshot("ack-page");                          // target/screenshots/ack-page.png
 * }
 * }</pre>
 *
 * <p>Where: {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (the Debian packages {@code chromium} and
 * {@code chromium-driver}), overridable by the system properties {@value #CHROMIUM_PROPERTY} and
 * {@value #CHROMEDRIVER_PROPERTY}. When either is missing the test is skipped (a JUnit assumption), unless the
 * environment variable {@code CI} is {@code true}: then it fails, so a CI machine without the browser fails the build
 * instead of skipping its browser tests. {@code .ci/run} installs both.
 *
 * <p>Screenshots ({@link #screenshot(String)}) are full-page PNGs written to {@code target/screenshots/<name>.png} and,
 * when the system property {@value #SCREENSHOTS_DIR_PROPERTY} names a directory, there too (how the README's images
 * are refreshed).
 *
 * <p>A module using it declares {@code org.seleniumhq.selenium:selenium-java} (test scope) itself: test-fixtures
 * has it as an optional dependency, so modules without browser tests do not get a browser driver.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** System property: the Chromium binary (default {@value #DEFAULT_CHROMIUM}). */
    public static final String CHROMIUM_PROPERTY = "chromium.binary";
    /** System property: the ChromeDriver binary (default {@value #DEFAULT_CHROMEDRIVER}). */
    public static final String CHROMEDRIVER_PROPERTY = "chromedriver.binary";
    /** System property: a directory screenshots are also written to (e.g. {@code docs/images}). */
    public static final String SCREENSHOTS_DIR_PROPERTY = "screenshots.dir";
    public static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    public static final String DEFAULT_CHROMEDRIVER = "/usr/bin/chromedriver";
    /** A phone's viewport in CSS pixels (an iPhone 12 to 15). */
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;
    private final int width;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile, int width) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.width = width;
        this.screenshots = Path.of("target", "screenshots");
    }

    /** Chromium at a phone's size; skipped (or, under {@code CI=true}, failed) when the browser is missing. */
    public static HeadlessChromium start() {
        return start(PHONE_WIDTH, PHONE_HEIGHT);
    }

    /** Chromium with a mobile viewport of the given CSS size. */
    public static HeadlessChromium start(int width, int height) {
        Path chromium = Path.of(System.getProperty(CHROMIUM_PROPERTY, DEFAULT_CHROMIUM));
        Path chromedriver = Path.of(System.getProperty(CHROMEDRIVER_PROPERTY, DEFAULT_CHROMEDRIVER));
        requireExecutable(chromium, "Chromium", CHROMIUM_PROPERTY, "chromium");
        requireExecutable(chromedriver, "ChromeDriver", CHROMEDRIVER_PROPERTY, "chromium-driver");
        Path profile;
        try {
            profile = Files.createTempDirectory("headless-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--hide-scrollbars",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().withSilent(true).build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
        // a phone: the viewport's CSS width is the device's, and the page's <meta name=viewport> is honoured
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(service, driver, profile, width);
    }

    private static void requireExecutable(Path binary, String what, String property, String debianPackage) {
        if (Files.isExecutable(binary)) {
            return;
        }
        String message = what + " not found at " + binary + " (set -D" + property + "=<path>, or install the Debian "
                + "package " + debianPackage + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ": under CI=true the browser tests must run, not skip "
                    + "(.ci/run installs chromium and chromium-driver)");
        }
        Assumptions.abort(message + "; browser test skipped");
    }

    /** The browser, for anything this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a URL and waits until its document has loaded. */
    public void open(String url) {
        driver.get(url);
    }

    /** Shows an HTML document built by the test (written to a file in this browser's profile and opened from there). */
    public void show(String html) {
        try {
            Path file = Files.createTempFile(profile, "page-", ".html");
            Files.writeString(file, html, StandardCharsets.UTF_8);
            driver.get(file.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 15 s) until an element is visible, and returns it. */
    public WebElement await(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** A Selenium wait of 15 s on this browser. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    /** The visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Runs a script in the page and returns its value (numbers come back as {@link Number}). */
    public Object script(String script) {
        return driver.executeScript(script);
    }

    /**
     * Whether the page is wider than the phone, i.e. a reader would have to scroll sideways:
     * {@code document.documentElement.scrollWidth > window.innerWidth}, or wider than the emulated width (a phone
     * zooms a too-wide page out to fit, which widens {@code innerWidth} with it).
     */
    public boolean scrollsHorizontally() {
        long scrollWidth = ((Number) script("return document.documentElement.scrollWidth;")).longValue();
        return scrollWidth > Math.min(viewportWidth(), width);
    }

    /** The viewport's width in CSS pixels ({@code window.innerWidth}). */
    public long viewportWidth() {
        return ((Number) script("return window.innerWidth;")).longValue();
    }

    /**
     * A PNG of the whole page (not only the viewport) as {@code target/screenshots/<name>.png}, and in the directory
     * of {@value #SCREENSHOTS_DIR_PROPERTY} when set.
     *
     * @return the file under {@code target/screenshots}
     */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        Path file = write(screenshots, name, png);
        String extra = System.getProperty(SCREENSHOTS_DIR_PROPERTY);
        if (extra != null && !extra.isBlank()) {
            write(Path.of(extra), name, png);
        }
        return file;
    }

    private static Path write(Path directory, String name, byte[] png) {
        try {
            Files.createDirectories(directory);
            return Files.write(directory.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path file : deepestFirst) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory left behind is no test failure
        }
    }
}
