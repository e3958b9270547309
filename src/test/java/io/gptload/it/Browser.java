package io.gptload.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium driven through Debian's system chromedriver ({@code chromium} and
 * {@code chromium-driver}); nothing is ever downloaded. Each browser gets a fresh profile
 * directory. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test class (never fails it) when Chromium or its driver is not installed. */
    static Path assumeInstalled() {
        Path chromium = CHROMIUM.stream().filter(Files::isExecutable).findFirst().orElse(null);
        String missing = !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " not found"
                : chromium == null ? "no chromium binary in " + CHROMIUM : null;
        if (missing != null) {
            // a class skipped in @BeforeAll shows as "Tests run: 0" in Maven's summary: say why
            System.err.println("SKIPPED: Chromium browser tests: " + missing
                    + " (apt-get install chromium chromium-driver)");
        }
        Assumptions.assumeTrue(missing == null, "Chromium browser tests skipped: " + missing
                + " (apt-get install chromium chromium-driver)");
        return chromium;
    }

    static Browser start() throws IOException {
        Path chromium = assumeInstalled();
        Path profile = Files.createTempDirectory("console-it-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(driver, profile);
    }

    /**
     * A wait that keeps polling while an Ajax update replaces the elements it looks at: a stale
     * element, or Chromium's "node does not belong to the document" answer for a node removed
     * between finding and reading it, counts as "not yet" rather than as a failure.
     */
    static WebDriverWait waiting(WebDriver driver, Duration timeout) {
        return new AjaxTolerantWait(driver, timeout);
    }

    private static final class AjaxTolerantWait extends WebDriverWait {

        AjaxTolerantWait(WebDriver driver, Duration timeout) {
            super(driver, timeout);
        }

        @Override
        public <V> V until(Function<? super WebDriver, ? extends V> condition) {
            return super.<V>until(d -> {
                try {
                    return condition.apply(d);
                } catch (WebDriverException e) {
                    if (detached(e)) {
                        return null;
                    }
                    throw e;
                }
            });
        }
    }

    /** True when {@code e} says the element was replaced (a PrimeFaces Ajax update), in either dialect. */
    static boolean detached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** True once {@code element} is no longer in the page (an Ajax update replaced it). */
    static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (detached(e)) {
                return true;
            }
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Where files the page downloads are saved. */
    Path downloads() {
        return profile.resolve("downloads");
    }

    /** Saves a PNG of the current page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * For a browser IT's {@code @RegisterExtension}: when a test fails, saves what the browser showed
     * then as {@code target/screenshots/FAILED-<test>.png} and {@code .html}, and rethrows.
     */
    static TestExecutionExceptionHandler capturingFailures(Supplier<Browser> browser) {
        return (context, failure) -> {
            Browser b = browser.get();
            if (b != null) {
                String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                try {
                    Path png = b.screenshot(name);
                    Files.writeString(png.resolveSibling(name + ".html"), b.driver.getPageSource());
                    System.out.println("The browser's page at the failure: " + png.toAbsolutePath());
                } catch (IOException | RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        };
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
