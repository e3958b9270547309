package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in headless Chromium, as an operator uses it: login (wrong key, right key),
 * the dashboard with live numbers, language and theme switches, the pages of the menu, logout.
 * Skipped (not failed) when Chromium and its driver are not installed. Screenshots of every page
 * land in {@code target/screenshots/}.
 */
@ExtendWith(SharedGateway.class)
class ConsoleIT {

    private static Browser browser;

    @RegisterExtension
    static final TestExecutionExceptionHandler FAILURES = Browser.capturingFailures(() -> browser);
    private static WebDriver driver;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static WebDriverWait waiting() {
        return Browser.waiting(driver, Duration.ofSeconds(30));
    }

    private static void open(Gateway gw, String path) {
        driver.get(gw.uri(path).toString());
    }

    private static void awaitPage(String page) {
        waiting().until(ExpectedConditions.urlMatches(".*/" + page.replace(".", "\\.") + "$"));
        waiting().until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** Starts anonymous: no console cookie left from an earlier test. */
    private static void anonymous(Gateway gw) {
        open(gw, "/health");
        driver.manage().deleteAllCookies();
    }

    private static void logIn(Gateway gw) {
        anonymous(gw);
        open(gw, "/login.xhtml");
        driver.findElement(By.id("login:authKey")).sendKeys(Gateway.AUTH_KEY);
        driver.findElement(By.id("login:submit")).click();
        awaitPage("dashboard.xhtml");
    }

    private static void logOut() {
        driver.findElement(By.id("session:logout")).click();
        awaitPage("login.xhtml");
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static long number(String cardId) {
        String v = driver.findElement(By.cssSelector("#" + cardId + " .console-card-value")).getText();
        return Math.round(Double.parseDouble(v.replace(",", "").replace("%", "")));
    }

    @Test
    void anonymousVisitorsLandOnTheLoginPageAndOnlyTheRightKeyLetsThemIn(Gateway gw) throws Exception {
        anonymous(gw);
        open(gw, "/");
        awaitPage("login.xhtml");
        WebElement label = driver.findElement(By.cssSelector("label[for='login:authKey']"));
        assertEquals("AUTH_KEY", label.getText());
        assertEquals("password", driver.findElement(By.id("login:authKey")).getAttribute("type"));
        browser.screenshot("login");

        String wrong = Secrets.remember("console-wrong-" + UUID.randomUUID());
        driver.findElement(By.id("login:authKey")).sendKeys(wrong);
        driver.findElement(By.id("login:submit")).click();
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#login\\:messages .ui-messages-error")));
        assertTrue(error.getText().contains("Authentication failed"), error.getText());
        assertTrue(driver.getCurrentUrl().endsWith("/login.xhtml"), driver.getCurrentUrl());
        assertFalse(driver.getPageSource().contains(wrong), "a typed key is never shown back");
        assertEquals("", driver.findElement(By.id("login:authKey")).getAttribute("value"));
        browser.screenshot("login-error");
        Cookie before = driver.manage().getCookieNamed("JSESSIONID");

        // the keyboard alone logs in: type the key, press Enter
        driver.findElement(By.id("login:authKey")).sendKeys(Gateway.AUTH_KEY, Keys.ENTER);
        awaitPage("dashboard.xhtml");
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertNotNull(session, "a server session after login");
        assertTrue(session.isHttpOnly(), "session cookie is HttpOnly");
        assertEquals("Lax", session.getSameSite(), "session cookie is SameSite=Lax");
        if (before != null) {
            assertNotEquals(before.getValue(), session.getValue(), "the session id changes at login");
        }
        for (Cookie c : driver.manage().getCookies()) {
            assertFalse(c.getValue().contains(Gateway.AUTH_KEY), "AUTH_KEY in cookie " + c.getName());
        }
        assertFalse(driver.getCurrentUrl().contains(Gateway.AUTH_KEY), "AUTH_KEY in the URL");
        assertFalse(driver.getPageSource().contains(Gateway.AUTH_KEY), "AUTH_KEY in the page");

        open(gw, "/login.xhtml");
        awaitPage("dashboard.xhtml"); // a logged-in operator does not see the login page again
        open(gw, "/");
        awaitPage("dashboard.xhtml");

        logOut();
        assertNotEquals(session.getValue(), driver.manage().getCookieNamed("JSESSIONID") == null ? ""
                : driver.manage().getCookieNamed("JSESSIONID").getValue(), "the old session is gone");
        open(gw, "/dashboard.xhtml");
        awaitPage("login.xhtml");
        open(gw, "/settings.xhtml");
        awaitPage("login.xhtml");
    }

    @Test
    void theDashboardShowsTheCardsTheChartAndTheSecurityWarnings(Api api, FakeUpstream up, Gateway gw)
            throws Exception {
        String name = Fixtures.unique("console");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), Secrets.remember("pk-" + name),
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}");
        String good = Secrets.remember("sk-console-good-" + name);
        up.on(good, FakeUpstream.json(200, "{\"ok\":true}"));
        Fixtures.keys(api, id, good);
        String failing = Fixtures.unique("consolebad");
        long failingId = Fixtures.group(api, failing, "openai", up.baseUrl(), Secrets.remember("pk-" + failing),
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}");
        String bad = Secrets.remember("sk-console-bad-" + failing);
        up.on(bad, FakeUpstream.json(500, "{\"error\":{\"message\":\"boom\"}}"));
        Fixtures.keys(api, failingId, bad);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{}")
                    .statusCode());
        }
        assertEquals(500, Fixtures.post(gw, "/proxy/" + failing + "/v1/chat/completions", "pk-" + failing, "{}")
                .statusCode());

        logIn(gw);
        for (int i = 0; i < 60 && number("cardRequests") < 4; i++) { // request logs are written in batches
            Thread.sleep(500);
            driver.navigate().refresh();
            awaitPage("dashboard.xhtml");
        }
        assertTrue(number("cardRequests") >= 4, text("cardRequests"));
        assertTrue(number("cardKeys") >= 1, text("cardKeys"));
        assertTrue(text("cardKeys").contains("Invalid keys"), text("cardKeys"));
        assertTrue(number("cardRpm") >= 0, text("cardRpm"));
        assertTrue(text("cardErrors").matches("(?s).*\\d+(\\.\\d)?%.*"), text("cardErrors"));
        assertNotEquals("0%", driver.findElement(By.cssSelector("#cardErrors .console-card-value")).getText());
        assertFalse(driver.findElements(By.cssSelector("#cardRequests .console-card-trend")).isEmpty(),
                "the requests card shows its trend");

        WebElement canvas = driver.findElement(By.cssSelector("#chart canvas"));
        assertTrue(canvas.getSize().getHeight() > 100, "the chart is drawn: " + canvas.getSize());
        assertEquals("img", canvas.getAttribute("role"));
        assertFalse(canvas.getAttribute("aria-label").isBlank());
        Object points = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "var c = PF('widget_chart').chart; return c.data.datasets[0].data.length;");
        assertEquals(24L, points, "24 hourly points");

        List<WebElement> warnings = driver.findElements(By.cssSelector("#warnings .console-warning"));
        assertFalse(warnings.isEmpty(), "the shared gateway has no ENCRYPTION_KEY: a warning");
        assertTrue(warnings.stream().anyMatch(w -> w.getText().contains("ENCRYPTION_KEY")), text("warnings"));
        assertTrue(driver.findElements(By.id("encryptionAlert")).isEmpty(), "no encryption mismatch here");
        assertEquals("page", driver.findElement(By.id("menuDashboard")).getAttribute("aria-current"));
        browser.screenshot("dashboard");
        logOut();
    }

    @Test
    void theLanguageAndTheThemeSwitchForTheWholeSession(Gateway gw) throws Exception {
        logIn(gw);
        new Select(driver.findElement(By.id("prefs:language"))).selectByValue("zh");
        waiting().until(ExpectedConditions.textToBe(By.id("menuDashboard"), "仪表盘"));
        assertEquals(List.of("仪表盘", "密钥", "日志", "设置"), menu());
        assertEquals("zh", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("语言", driver.findElement(By.cssSelector("label[for='prefs:language']")).getText());
        browser.screenshot("dashboard-zh");

        driver.findElement(By.id("menuKeys")).click(); // the language stays for the session
        awaitPage("keys.xhtml");
        assertEquals("密钥", driver.findElement(By.tagName("h1")).getText());

        new Select(driver.findElement(By.id("prefs:language"))).selectByValue("ja");
        waiting().until(ExpectedConditions.textToBe(By.id("menuDashboard"), "ダッシュボード"));
        assertEquals(List.of("ダッシュボード", "キー", "ログ", "設定"), menu());
        browser.screenshot("keys-ja");
        new Select(driver.findElement(By.id("prefs:language"))).selectByValue("en");
        waiting().until(ExpectedConditions.textToBe(By.id("menuDashboard"), "Dashboard"));

        driver.findElement(By.id("menuDashboard")).click();
        awaitPage("dashboard.xhtml");
        assertTrue(theme().contains("primefaces-saga-blue"), theme());
        driver.findElement(By.id("prefs:theme")).click();
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("console-dark"));
        assertTrue(theme().contains("primefaces-arya-blue"), theme());
        assertEquals("Light theme", text("prefs:theme"));
        browser.screenshot("dashboard-dark");
        driver.findElement(By.id("prefs:theme")).sendKeys(Keys.ENTER); // the switch works from the keyboard too
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("console-light"));
        assertTrue(theme().contains("primefaces-saga-blue"), theme());
        logOut();
    }

    @Test
    void theKeysPageListsGroupsAndTheLogsAndSettingsPagesOpenFromTheMenu(Gateway gw) throws Exception {
        logIn(gw);
        driver.findElement(By.id("menuKeys")).click();
        awaitPage("keys.xhtml");
        assertEquals("Groups", text("groupsTitle"));
        assertEquals("page", driver.findElement(By.id("menuKeys")).getAttribute("aria-current"));

        driver.findElement(By.id("menuLogs")).click();
        awaitPage("logs.xhtml");
        assertEquals("Logs", driver.findElement(By.tagName("h1")).getText());
        assertEquals("page", driver.findElement(By.id("menuLogs")).getAttribute("aria-current"));
        assertFalse(driver.findElements(By.id("logsForm:logTable")).isEmpty(), "the logs table");
        assertEquals("Group", driver.findElement(By.cssSelector("label[for='logsForm:groupName']")).getText());
        assertTrue(driver.findElements(By.id("comingSoon")).isEmpty(), "no placeholder any more");

        driver.findElement(By.id("menuSettings")).click();
        awaitPage("settings.xhtml");
        assertEquals("Settings", driver.findElement(By.tagName("h1")).getText());
        assertEquals("page", driver.findElement(By.id("menuSettings")).getAttribute("aria-current"));
        assertFalse(driver.findElements(By.cssSelector("[data-key='max_retries']")).isEmpty(), "the settings form");
        assertTrue(driver.findElements(By.id("comingSoon")).isEmpty(), "no placeholder any more");
        logOut();
        browser.screenshot("logged-out");
    }

    private static List<String> menu() {
        return driver.findElements(By.cssSelector(".console-menu a")).stream().map(WebElement::getText).toList();
    }

    private static String theme() {
        return driver.findElements(By.cssSelector("link[rel='stylesheet']")).stream()
                .map(l -> l.getAttribute("href")).filter(h -> h.contains("theme.css")).findFirst().orElse("");
    }
}
