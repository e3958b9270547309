package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.shared.Secret;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keys page in headless Chromium, as an operator fixes a group's keys: pick the group, import
 * keys and watch the progress bar finish, find a key, reveal it, validate the group and see the
 * bad key turn invalid, test and restore it, write a note, upload a {@code .txt}, export, delete.
 * Every result is checked against the management API too. Skipped without Chromium.
 */
@ExtendWith(SharedGateway.class)
class ConsoleKeysIT {

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

    private static final String I18N_KEYS_LOGS = "Logs of this key";

    private static WebDriverWait waiting() {
        return Browser.waiting(driver, Duration.ofSeconds(30));
    }

    private static void logIn(Gateway gw) {
        driver.get(gw.uri("/health").toString());
        driver.manage().deleteAllCookies();
        driver.get(gw.uri("/login.xhtml").toString());
        driver.findElement(By.id("login:authKey")).sendKeys(Gateway.AUTH_KEY, Keys.ENTER);
        waiting().until(ExpectedConditions.urlMatches(".*/dashboard\\.xhtml$"));
    }

    private static void ajaxIdle() {
        waiting().until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static void awaitFocus(String id) {
        waiting().until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    private static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#keysForm\\:keyTable_data > tr[data-rk]"));
    }

    private static void awaitTask(String resultText) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("taskState"), "finished"));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("taskResult"), resultText));
        ajaxIdle();
    }

    private static void openGroup(String name) {
        driver.findElement(By.xpath("//form[@id='groupsForm']//a[.//span[@class='console-group-name' and text()='"
                + name + "']]")).click();
        waiting().until(ExpectedConditions.textToBe(By.id("groupName"), name));
        ajaxIdle();
    }

    private static void filter(String status, String key) {
        WebElement search = driver.findElement(By.id("keysForm:keySearch"));
        search.clear();
        if (!key.isEmpty()) {
            // the search box refreshes the table by itself 400 ms after the last keystroke; wait for that
            // refresh, or it can land later and replace rows (and a revealed key) the test already holds
            WebElement table = driver.findElement(By.id("keysForm:keyTable"));
            search.sendKeys(key);
            waiting().until(d -> Browser.replaced(table));
            ajaxIdle();
        }
        selectMenu("keysForm:statusFilter", status);
        driver.findElement(By.id("keysForm:applyFilters")).click();
        ajaxIdle();
    }

    /** Picks an option of a PrimeFaces selectOneMenu through its hidden native select, as its widget does. */
    private static void selectMenu(String id, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "var w = PrimeFaces.getWidgetById(arguments[0]); w.selectValue(arguments[1]);", id, value);
        ajaxIdle();
    }

    private static JsonObject apiKeys(Api api, long groupId) {
        return api.get("/api/keys?group_id=" + groupId + "&page_size=100").data();
    }

    @Test
    void anOperatorImportsFindsValidatesAndFixesKeys(Gateway gw, FakeUpstream up, Api api) throws Exception {
        String name = Fixtures.unique("ck");
        // one failed check takes a key out of rotation, so a single validation shows the bad key invalid
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, ",\"config\":{\"blacklist_threshold\":1}");
        String good1 = Secrets.remember("sk-good1-" + name + "-abcdefgh");
        String good2 = Secrets.remember("sk-good2-" + name + "-abcdefgh");
        String bad = Secrets.remember("sk-bad-" + name + "-abcdefghij");
        up.on(bad, FakeUpstream.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));

        logIn(gw);
        driver.findElement(By.id("menuKeys")).click();
        waiting().until(ExpectedConditions.urlMatches(".*/keys\\.xhtml$"));
        openGroup(name);
        assertEquals("/proxy/" + name, text("groupEndpoint"));
        assertEquals(0, rows().size());

        // import three keys through the dialog; the progress bar runs to 100 %
        driver.findElement(By.id("keysForm:addKeys")).click();
        WebElement area = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("addKeysForm:keysText")));
        awaitFocus("addKeysForm:keysText"); // focus moves into the dialog
        area.sendKeys(good1 + "\n" + good2 + ", " + bad);
        driver.findElement(By.id("addKeysForm:addKeysSubmit")).click();
        awaitTask("3 keys added, 0 ignored");
        assertEquals("100", driver.findElement(By.id("taskProgress")).getAttribute("aria-valuenow"));
        waiting().until(d -> rows().size() == 3);
        assertEquals("3", text("statsActive"));
        browser.screenshot("keys-imported");
        assertEquals(3, apiKeys(api, id).getJsonObject("pagination").getInt("total_items"));

        // keys are masked; reveal shows one in full and hides it again
        String page = driver.getPageSource();
        for (String k : List.of(good1, good2, bad)) {
            assertFalse(page.contains(k), "a full key in the page");
        }
        filter("", bad);
        waiting().until(d -> rows().size() == 1);
        WebElement keySpan = driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-key"));
        assertEquals(bad.substring(0, 4) + "****" + bad.substring(bad.length() - 4), keySpan.getText());
        driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-reveal")).click();
        waiting().until(ExpectedConditions.textToBePresentInElement(keySpan, bad));
        driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-reveal")).click();
        waiting().until(d -> !keySpan.getText().contains(bad));

        // validate the whole group: the 401 key turns invalid
        filter("", "");
        driver.findElement(By.id("keysForm:validate")).click();
        awaitTask("2 keys valid, 1 invalid");
        waiting().until(ExpectedConditions.textToBe(By.id("statsInvalid"), "1"));
        filter("invalid", "");
        waiting().until(d -> rows().size() == 1);
        // the row says when and why its check failed, the key masked in the reason too
        WebElement check = driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-key-check"));
        assertTrue(check.getText().matches("(?s)Last check failed · \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\s+"
                + "\\[status 401\\] Incorrect API key provided"), check.getText());
        assertEquals("[status 401] Incorrect API key provided", check.getAttribute("title"));
        browser.screenshot("keys-invalid");
        filter("", "");
        waiting().until(d -> rows().size() == 3);
        assertEquals(1, driver.findElements(By.cssSelector("#keysForm\\:keyTable_data .console-key-check")).size(),
                "the keys that passed show no failed check");

        // the dashboard lists the group among those with invalid keys; its link opens just those
        driver.findElement(By.id("menuDashboard")).click();
        waiting().until(ExpectedConditions.urlMatches(".*/dashboard\\.xhtml.*"));
        WebElement attention = waiting().until(d -> d.findElements(By.cssSelector("#attention a")).stream()
                .filter(a -> a.getText().contains(name)).findFirst().orElse(null));
        assertEquals("1 invalid key", attention.findElement(By.cssSelector(".console-attention-count")).getText());
        browser.screenshot("dashboard-attention");
        attention.click();
        waiting().until(ExpectedConditions.urlMatches(".*/keys\\.xhtml\\?group=" + id + "&status=invalid$"));
        waiting().until(d -> rows().size() == 1);
        assertEquals(bad.substring(0, 4) + "****" + bad.substring(bad.length() - 4),
                driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-key")).getText());

        // test it: the result dialog says why, Escape closes it
        driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .ui-selection-column .ui-chkbox-box")).click();
        driver.findElement(By.id("keysForm:testSelected")).click();
        WebElement results = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("testResultsForm:testResultsDialog")));
        assertTrue(results.getText().contains("Invalid"), results.getText());
        assertTrue(results.getText().contains("401") || results.getText().toLowerCase().contains("incorrect"),
                results.getText());
        browser.screenshot("keys-test-results");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waiting().until(ExpectedConditions.invisibilityOf(results));

        // restore it by hand (it is still selected)
        up.on(bad, FakeUpstream.json(200, "{\"object\":\"list\",\"data\":[]}"));
        driver.findElement(By.id("keysForm:restoreSelected")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keysForm:keysMessages"), "1 key restored"));
        waiting().until(d -> rows().isEmpty());
        assertEquals(Set.of("active"), apiKeys(api, id).getJsonArray("items").stream()
                .map(v -> v.asJsonObject().getString("status")).collect(Collectors.toSet()));
        filter("", bad);
        waiting().until(d -> rows().size() == 1);
        assertTrue(driver.findElements(By.cssSelector("#keysForm\\:keyTable_data .console-key-check")).isEmpty(),
                "a restored key's old failure is forgotten");

        // a note on a key, written in the dialog, saved with the keyboard
        filter("", good1);
        waiting().until(d -> rows().size() == 1);
        driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-edit-notes")).click();
        WebElement note = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notesForm:noteText")));
        awaitFocus("notesForm:noteText"); // focus moves into the notes dialog
        note.sendKeys("primary account");
        driver.findElement(By.id("notesForm:saveNotes")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#keysForm\\:keyTable_data .console-notes"), "primary account"));
        assertEquals("primary account", apiKeys(api, id).getJsonArray("items").stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("key_value").equals(good1)).findFirst().orElseThrow().getString("notes"));

        // a .txt upload adds one more key (and ignores one already there)
        String fromFile = Secrets.remember("sk-file-" + name + "-abcdefgh");
        Path txt = Files.createTempFile("console-keys-", ".txt");
        Files.writeString(txt, fromFile + "\n" + good2 + "\n");
        filter("", "");
        driver.findElement(By.id("keysForm:addKeys")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("addKeysForm:keysText")));
        driver.findElement(By.id("addKeysForm:keysFile_input")).sendKeys(txt.toString());
        driver.findElement(By.id("addKeysForm:addKeysSubmit")).click();
        awaitTask("1 key added, 1 ignored");
        waiting().until(d -> rows().size() == 4);
        Files.delete(txt);

        // export all keys as a text file
        driver.findElement(By.id("keysForm:export")).click();
        Path exported = browser.downloads().resolve("keys-" + name + "-all.txt");
        waiting().until(d -> Files.exists(exported) && sizeOf(exported) > 0);
        assertEquals(Set.of(good1, good2, bad, fromFile), Set.copyOf(Files.readAllLines(exported)));

        // delete one key, after confirming
        filter("", fromFile);
        waiting().until(d -> rows().size() == 1);
        driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .ui-selection-column .ui-chkbox-box")).click();
        driver.findElement(By.id("keysForm:deleteSelected")).click();
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("confirmYes"))).click();
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keysForm:keysMessages"), "1 key deleted"));
        assertEquals(3, apiKeys(api, id).getJsonObject("pagination").getInt("total_items"));
        filter("", "");
        waiting().until(d -> rows().size() == 3);
        browser.screenshot("keys");
        assertFalse(driver.getPageSource().contains(good1), "a full key in the page");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    @Test
    void emptyInputAndAnEmptySelectionAreSaidPlainly(Gateway gw, FakeUpstream up, Api api) throws Exception {
        String name = Fixtures.unique("ckb");
        Fixtures.group(api, name, "openai", up.baseUrl(), "pk-" + name, "");
        logIn(gw);
        driver.get(gw.uri("/keys.xhtml").toString());
        openGroup(name);
        driver.findElement(By.id("keysForm:addKeys")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("addKeysForm:keysText")));
        driver.findElement(By.id("addKeysForm:addKeysSubmit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("addKeysForm:addMessages"),
                "Paste keys or choose a .txt file."));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("addKeysForm:addKeysDialog")));
        driver.findElement(By.id("keysForm:testSelected")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("keysForm:keysMessages"),
                "Select one or more keys first."));
    }

    @Test
    void aKeysLinkOpensTheLogsOfThatKeyOnly(Gateway gw, FakeUpstream up, Api api) throws Exception {
        String name = Fixtures.unique("keylogs");
        long id = Fixtures.group(api, name, "openai", up.baseUrl(), Secrets.remember("pk-" + name),
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}");
        String good = Secrets.remember("sk-good-keylogs-" + name + "-g");
        String bad = Secrets.remember("sk-bad-keylogs-" + name + "-b");
        up.on(bad, FakeUpstream.json(401, "{\"error\":{\"message\":\"Incorrect API key provided\"}}"));
        Fixtures.keys(api, id, good, bad);
        for (int i = 0; i < 4; i++) { // rotation: each key serves two
            Fixtures.post(gw, "/proxy/" + name + "/v1/chat/completions", "pk-" + name, "{\"model\":\"m\"}");
        }
        for (int i = 0; i < 300 && api.get("/api/logs?group_name=" + name).data()
                .getJsonObject("pagination").getInt("total_items") < 4; i++) {
            Thread.sleep(100);
        }

        logIn(gw);
        driver.get(gw.uri("/keys.xhtml?group=" + id).toString());
        waiting().until(ExpectedConditions.textToBe(By.id("groupName"), name));
        ajaxIdle();
        WebElement badRow = rows().stream().filter(r -> r.getText().contains(Secret.mask(bad))).findFirst()
                .orElseThrow(() -> new AssertionError("no row of the bad key"));
        WebElement link = badRow.findElement(By.cssSelector("a.console-key-logs"));
        assertEquals(I18N_KEYS_LOGS, link.getAttribute("title"));
        assertFalse(link.getAttribute("href").contains(bad), "the link names the key by its hash only");
        link.click();

        waiting().until(ExpectedConditions.urlContains("/logs.xhtml?key_hash="));
        ajaxIdle();
        List<WebElement> logs = driver.findElements(By.cssSelector("#logsForm\\:logTable_data > tr:not(.ui-datatable-empty-message)"));
        assertEquals(2, logs.size(), "the bad key's two requests, not the good key's");
        for (WebElement row : logs) {
            assertTrue(row.getText().contains(Secret.mask(bad)), row.getText());
            assertTrue(row.getText().contains("401"), row.getText());
        }
        assertEquals("The key opened from the keys page", text("logsForm:linkedKey"));
        assertFalse(driver.getPageSource().contains(bad), "the full key is never on the page");
        browser.screenshot("logs-of-one-key");

        driver.findElement(By.id("logsForm:reset")).click();
        waiting().until(d -> d.findElements(By.id("logsForm:linkedKey")).isEmpty());
    }

    @Test
    void groupsAreFoundByNameOpenedByLinkAndMovedInTheList(Gateway gw, FakeUpstream up, Api api) throws Exception {
        String prefix = Fixtures.unique("order");
        long first = Fixtures.group(api, prefix + "-a", "openai", up.baseUrl(), "pk-" + prefix + "-a", ",\"sort\":0");
        long second = Fixtures.group(api, prefix + "-b", "openai", up.baseUrl(), "pk-" + prefix + "-b", ",\"sort\":0");
        logIn(gw);
        driver.get(gw.uri("/keys.xhtml?group=" + first).toString());
        waiting().until(ExpectedConditions.textToBe(By.id("groupName"), prefix + "-a"));

        driver.findElement(By.id("groupsForm:groupFilter")).sendKeys(prefix + "-");
        waiting().until(d -> shownGroups().equals(List.of(prefix + "-b", prefix + "-a"))); // sort asc, id desc
        browser.screenshot("keys-group-filter");

        // the selected group (a) moves above b, by keyboard
        driver.findElement(By.id("groupsForm:moveUp")).sendKeys(Keys.ENTER);
        waiting().until(d -> shownGroups().equals(List.of(prefix + "-a", prefix + "-b")));
        List<Long> apiOrder = api.get("/api/groups").json().asJsonObject().getJsonArray("data").stream()
                .map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .filter(id -> id == first || id == second).toList();
        assertEquals(List.of(first, second), apiOrder);
    }

    private static List<String> shownGroups() {
        return driver.findElements(By.cssSelector("#groupsForm .console-group-name")).stream()
                .map(WebElement::getText).toList();
    }
}
