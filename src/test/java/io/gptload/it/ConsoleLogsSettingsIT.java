package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's logs and settings pages in headless Chromium: a real proxied request found on the
 * logs page by its group, its details opened and closed with the keyboard, the filtered CSV
 * fetched with the console session; a setting changed and applied at once, an invalid value
 * refused with its message. Skipped when Chromium is not installed. Screenshots:
 * {@code target/screenshots/logs-*.png} and {@code settings-*.png}.
 */
@ExtendWith(SharedGateway.class)
class ConsoleLogsSettingsIT {

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

    private static void awaitPage(String page) {
        waiting().until(ExpectedConditions.urlMatches(".*/" + page.replace(".", "\\.") + "$"));
        waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private static void logIn(Gateway gw) {
        driver.get(gw.uri("/health").toString());
        driver.manage().deleteAllCookies();
        driver.get(gw.uri("/login.xhtml").toString());
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

    private static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#logsForm\\:logTable_data > tr:not(.ui-datatable-empty-message)"));
    }

    /** Waits until the request log of {@code group} is written (logs are flushed in batches). */
    private static void awaitLogged(Api api, String group) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonArray items = api.get("/api/logs?group_name=" + group).data().getJsonArray("items");
            if (!items.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no request log of " + group + " within 30 s");
    }

    private static void filterByGroup(String group) {
        WebElement input = driver.findElement(By.id("logsForm:groupName"));
        input.clear();
        input.sendKeys(group);
        driver.findElement(By.id("logsForm:apply")).click();
        waiting().until(d -> rows().size() == 1 && rows().get(0).getText().contains(group));
    }

    @Test
    void aProxiedRequestIsFoundOnTheLogsPageWithItsDetailsAndInTheCsv(Api api, FakeUpstream up, Gateway gw)
            throws Exception {
        String ok = Fixtures.unique("clogok");
        long okId = Fixtures.group(api, ok, "openai", up.baseUrl(), Secrets.remember("pk-" + ok),
                ",\"config\":{\"max_retries\":0,\"enable_request_body_logging\":true}");
        String key = Secrets.remember("sk-console-logs-" + ok);
        up.on(key, FakeUpstream.json(200, "{\"ok\":true}"));
        Fixtures.keys(api, okId, key);
        String bad = Fixtures.unique("clogbad");
        long badId = Fixtures.group(api, bad, "openai", up.baseUrl(), Secrets.remember("pk-" + bad),
                ",\"config\":{\"max_retries\":0,\"blacklist_threshold\":0}");
        String badKey = Secrets.remember("sk-console-logs-" + bad);
        up.on(badKey, FakeUpstream.json(500, "{\"error\":{\"message\":\"upstream exploded\"}}"));
        Fixtures.keys(api, badId, badKey);
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"<b>hi</b> & bye\"}]}";
        assertEquals(200, Fixtures.post(gw, "/proxy/" + ok + "/v1/chat/completions", "pk-" + ok, body).statusCode());
        assertEquals(500, Fixtures.post(gw, "/proxy/" + bad + "/v1/chat/completions", "pk-" + bad, "{}").statusCode());
        awaitLogged(api, ok);
        awaitLogged(api, bad);

        logIn(gw);
        driver.findElement(By.id("menuLogs")).click();
        awaitPage("logs.xhtml");
        assertEquals("page", driver.findElement(By.id("menuLogs")).getAttribute("aria-current"));
        for (String id : List.of("groupName", "parentGroupName", "model", "keyValue", "statusCode", "success",
                "requestType", "sourceIp", "errorContains", "startTime_input", "endTime_input")) {
            assertFalse(driver.findElements(By.cssSelector("label[for='logsForm:" + id + "']")).isEmpty(),
                    "a label for " + id);
        }
        assertTrue(rows().size() >= 2, "the newest logs are listed before any filter");
        browser.screenshot("logs");

        filterByGroup(ok);
        WebElement row = rows().get(0);
        String masked = key.substring(0, 4) + "****" + key.substring(key.length() - 4);
        assertTrue(row.getText().contains(masked), row.getText());
        assertTrue(row.getText().contains("gpt-4o-mini"), row.getText());
        assertTrue(row.getText().contains("200"), row.getText());
        assertTrue(row.getText().contains("Success"), row.getText());
        assertFalse(driver.getPageSource().contains(key), "the full key is never on the page");
        assertTrue(text("logsTotal").contains("1 matching"), text("logsTotal"));
        browser.screenshot("logs-filtered");

        // the keyboard opens the details: Tab to the row's button, Enter; Escape closes
        WebElement details = row.findElement(By.cssSelector("button.console-details"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", details);
        details.sendKeys(Keys.ENTER);
        WebElement dialog = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("detailForm:detailDialog")));
        assertEquals("dialog", dialog.getAttribute("role"));
        waiting().until(d -> {
            Object inside = ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('detailForm:detailDialog').contains(document.activeElement)");
            return Boolean.TRUE.equals(inside);
        });
        assertEquals(ok, text("detailGroup"));
        assertEquals("/proxy/" + ok + "/v1/chat/completions", text("detailPath"));
        assertTrue(text("detailUpstream").startsWith(up.baseUrl()), text("detailUpstream"));
        assertTrue(text("detailBody").contains("<b>hi</b> & bye"), "the body is shown as text: " + text("detailBody"));
        assertTrue(driver.findElements(By.cssSelector("#detailBody b")).isEmpty(), "no markup from the body");
        assertFalse(text("detailFacts").contains(key), "the dialog shows the key masked");
        browser.screenshot("logs-detail");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("detailForm:detailDialog")));
        waiting().until(d -> String.valueOf(d.switchTo().activeElement().getAttribute("id")).endsWith(":details"));

        // the CSV of the filtered rows, over HTTP with the console session
        String href = driver.findElement(By.id("logsForm:exportCsv")).getAttribute("href");
        assertTrue(href.contains("/console/logs.csv?group_name=" + ok), href);
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> csv = Fixtures.send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().map().toString());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("timestamp,group,parent_group,key,model,status_code,success,duration_ms,request_type,source_ip,error",
                lines.get(0));
        assertEquals(2, lines.size(), csv.body());
        assertTrue(lines.get(1).contains("," + ok + ",," + masked + ",gpt-4o-mini,200,true,"), lines.get(1));
        assertFalse(csv.body().contains(key), "no full key in the CSV");
        HttpResponse<String> anonymous = Fixtures.send(HttpRequest.newBuilder(URI.create(href)).GET());
        assertEquals(401, anonymous.statusCode(), "the export needs the console session");

        // a failed request: status, result and error in the table and the dialog
        filterByGroup(bad);
        assertTrue(rows().get(0).getText().contains("500"), rows().get(0).getText());
        assertTrue(rows().get(0).getText().contains("Failure"), rows().get(0).getText());
        rows().get(0).findElement(By.cssSelector("button.console-details")).sendKeys(Keys.ENTER);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("detailForm:detailDialog")));
        waiting().until(d -> text("detailGroup").equals(bad));
        assertTrue(text("detailError").contains("upstream exploded"), text("detailError"));
        browser.screenshot("logs-detail-error");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("detailForm:detailDialog")));

        // status and result filters, then Reset clears every filter
        // typed until it sticks: the closing dialog hands the focus back to its opener, and keys
        // sent while that happens can land elsewhere (CI saw the filter submitted empty)
        waiting().until(d -> {
            WebElement status = d.findElement(By.id("logsForm:statusCode"));
            if (!"200".equals(status.getAttribute("value"))) {
                status.clear();
                status.sendKeys("200");
            }
            return "200".equals(d.findElement(By.id("logsForm:statusCode")).getAttribute("value"));
        });
        driver.findElement(By.id("logsForm:apply")).click();
        waiting().until(d -> rows().isEmpty());
        assertTrue(text("logsForm:logTable").contains("No request logs match"), text("logsForm:logTable"));
        driver.findElement(By.id("logsForm:reset")).click();
        waiting().until(d -> rows().size() >= 2);
        assertEquals("", driver.findElement(By.id("logsForm:groupName")).getAttribute("value"));
        assertEquals("", driver.findElement(By.id("logsForm:statusCode")).getAttribute("value"));
        logOut();
    }

    private static WebElement setting(String key) {
        return driver.findElement(By.cssSelector("[data-key='" + key + "']"));
    }

    private static int apiSetting(Api api, String key) {
        for (JsonValue category : api.get("/api/settings").obj().getJsonArray("data")) {
            for (JsonValue s : category.asJsonObject().getJsonArray("settings")) {
                JsonObject o = s.asJsonObject();
                if (o.getString("key").equals(key)) {
                    return o.getInt("value");
                }
            }
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    void aSettingSavedOnThePageAppliesAtOnceAndAnInvalidOneIsRefusedWithItsMessage(Api api, Gateway gw)
            throws Exception {
        int before = apiSetting(api, "request_timeout");
        int changed = before == 599 ? 598 : 599;
        try {
            logIn(gw);
            driver.findElement(By.id("menuSettings")).click();
            awaitPage("settings.xhtml");
            assertEquals("page", driver.findElement(By.id("menuSettings")).getAttribute("aria-current"));
            List<WebElement> inputs = driver.findElements(By.cssSelector("#settingsForm [data-key]"));
            assertEquals(18, inputs.size(), "every system setting has an input");
            for (WebElement input : inputs) {
                String id = input.getAttribute("id");
                assertNotNull(id);
                assertFalse(driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(),
                        "a label for " + input.getAttribute("data-key"));
            }
            assertEquals(3, driver.findElements(By.cssSelector("#settingsForm section.console-settings")).size());
            assertTrue(text("row-request_timeout").contains("request_timeout"), text("row-request_timeout"));
            assertEquals("number", setting("request_timeout").getAttribute("type"));
            assertEquals("checkbox", setting("enable_request_body_logging").getAttribute("type"));
            assertEquals(Integer.toString(before), setting("request_timeout").getAttribute("value"));
            assertFalse(driver.getPageSource().contains(Gateway.AUTH_KEY), "the proxy keys (here AUTH_KEY) are masked");
            browser.screenshot("settings");

            setting("request_timeout").clear();
            setting("request_timeout").sendKeys(Integer.toString(changed));
            driver.findElement(By.id("settingsForm:save")).click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#settingsForm\\:settingsMessages .ui-messages-info")));
            assertTrue(text("settingsForm:settingsMessages").contains("Saved 1 setting"), text("settingsForm:settingsMessages"));
            assertEquals(changed, apiSetting(api, "request_timeout"), "applied at once");
            assertEquals(Integer.toString(changed), setting("request_timeout").getAttribute("value"));

            setting("request_timeout").clear();
            setting("request_timeout").sendKeys("0");
            driver.findElement(By.id("settingsForm:save")).click();
            waiting().until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#settingsForm\\:settingsMessages .ui-messages-error")));
            String error = text("error-request_timeout");
            assertTrue(error.contains("must be at least 1"), error);
            assertTrue(text("settingsForm:settingsMessages").contains(error), text("settingsForm:settingsMessages"));
            assertEquals("true", setting("request_timeout").getAttribute("aria-invalid"));
            assertEquals(changed, apiSetting(api, "request_timeout"), "an invalid value changes nothing");
            browser.screenshot("settings-error");

            driver.findElement(By.id("settingsForm:reset")).click();
            waiting().until(d -> Integer.toString(changed).equals(setting("request_timeout").getAttribute("value")));
            assertEquals("", text("error-request_timeout"));
            logOut();
        } finally {
            Api.Resp restored = api.put("/api/settings", "{\"request_timeout\":" + before + "}");
            assertEquals(200, restored.status(), restored.body());
        }
    }
}
