package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The group dialogs of the keys page in headless Chromium: create a standard group with every kind
 * of field, edit it, see a refusal without anything stored, copy, delete; create an aggregate and
 * manage its sub-groups; and one dialog driven by the keyboard alone. Every stored result is
 * checked through {@code /api/groups}. Skipped when Chromium is not installed; screenshots go to
 * {@code target/screenshots/groups-*.png}.
 */
@ExtendWith(SharedGateway.class)
class ConsoleGroupsIT {

    private static final String EDITOR = "groupEditorForm:groupEditor";
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

    // ---- helpers ------------------------------------------------------------------------------

    private static WebDriverWait waiting() {
        return Browser.waiting(driver, Duration.ofSeconds(30));
    }

    private static void openKeysPage(Gateway gw) {
        driver.get(gw.uri("/health").toString());
        driver.manage().deleteAllCookies();
        driver.get(gw.uri("/login.xhtml").toString());
        driver.findElement(By.id("login:authKey")).sendKeys(Gateway.AUTH_KEY);
        driver.findElement(By.id("login:submit")).click();
        waiting().until(ExpectedConditions.urlMatches(".*/dashboard\\.xhtml$"));
        driver.get(gw.uri("/keys.xhtml").toString());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("groupActions:newGroup")));
    }

    private static WebElement el(String id) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    private static void click(String id) {
        waiting().until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static void type(String id, String text) {
        WebElement e = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        e.sendKeys(text);
    }

    private static void choose(String id, String value) {
        new Select(waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))).selectByValue(value);
    }

    /** Clicks a button that adds a row, then waits for the row's first input. */
    private static void addRow(String button, String firstInput) {
        click(button);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(firstInput)));
    }

    private static void awaitShown(String dialog) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(dialog)));
    }

    private static void awaitHidden(String dialog) {
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id(dialog)));
    }

    private static void awaitGrowl(String text) {
        waiting().until(d -> d.findElements(By.cssSelector(".ui-growl-message")).stream()
                .anyMatch(m -> m.getText().contains(text)));
    }

    private static String activeId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static Optional<JsonObject> group(Api api, String name) {
        Api.Resp r = api.get("/api/groups");
        assertEquals(200, r.status(), r.body());
        return r.obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(g -> g.getString("name").equals(name)).findFirst();
    }

    private static JsonObject stored(Api api, String name) {
        return group(api, name).orElseThrow(() -> new AssertionError("group " + name + " is not stored"));
    }

    private static void awaitSelected(String name) {
        waiting().until(ExpectedConditions.textToBe(By.id("groupName"), name));
    }

    // ---- tests -------------------------------------------------------------------------------

    @Test
    void aStandardGroupIsCreatedEditedRefusedCopiedAndDeletedThroughTheDialogs(Api api, FakeUpstream up, Gateway gw)
            throws Exception {
        String name = Fixtures.unique("ui-std");
        openKeysPage(gw);

        click("groupActions:newGroup");
        awaitShown(EDITOR);
        waiting().until(d -> "groupEditorForm:name".equals(activeId()));
        assertEquals("New group", driver.findElement(By.cssSelector("#groupEditorForm\\:groupEditor .ui-dialog-title"))
                .getText());
        for (String input : List.of("name", "displayName", "groupType", "channelType", "sort_input", "description",
                "testModel", "validationEndpoint", "upstreams:0:url", "upstreams:0:weight_input", "paramOverrides",
                "redirectStrict", "proxyKeys")) {
            String id = "groupEditorForm:" + input;
            assertFalse(driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty(), "label for " + id);
        }
        type("groupEditorForm:name", name);
        type("groupEditorForm:displayName", "UI group");
        type("groupEditorForm:description", "made in the console");
        choose("groupEditorForm:channelType", "openai");
        type("groupEditorForm:sort_input", "5");
        type("groupEditorForm:testModel", "gpt-ui-test");
        type("groupEditorForm:validationEndpoint", "/v1/chat/completions");
        type("groupEditorForm:upstreams:0:url", up.baseUrl());
        type("groupEditorForm:upstreams:0:weight_input", "2");
        addRow("groupEditorForm:addUpstream", "groupEditorForm:upstreams:1:url");
        assertEquals("groupEditorForm:upstreams:1:url", activeId(), "the new row gets the focus");
        type("groupEditorForm:upstreams:1:url", up.baseUrl() + "/second");
        type("groupEditorForm:upstreams:1:weight_input", "1");
        type("groupEditorForm:paramOverrides", "{\"temperature\": 0.3}");
        addRow("groupEditorForm:addRedirect", "groupEditorForm:redirects:0:from");
        type("groupEditorForm:redirects:0:from", "gpt-ui");
        type("groupEditorForm:redirects:0:to", "gpt-ui-test");
        click("groupEditorForm:redirectStrict");
        addRow("groupEditorForm:addHeader", "groupEditorForm:headers:0:key");
        type("groupEditorForm:headers:0:key", "x-console");
        type("groupEditorForm:headers:0:value", "from-ui");
        addRow("groupEditorForm:addConfig", "groupEditorForm:config:0:setting");
        choose("groupEditorForm:config:0:setting", "max_retries");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("groupEditorForm:config:0:configHint"),
                "system value"));
        type("groupEditorForm:config:0:configValue", "2");
        click("groupEditorForm:generateProxyKey");
        waiting().until(d -> el("groupEditorForm:proxyKeys").getAttribute("value").startsWith("sk-"));
        String proxyKey = Secrets.remember(el("groupEditorForm:proxyKeys").getAttribute("value").strip());
        assertTrue(proxyKey.matches("sk-[A-Za-z0-9_-]{48}"), "generated key has the gpt-load format");
        browser.screenshot("groups-editor");
        click("groupEditorForm:saveGroup");
        awaitHidden(EDITOR);
        awaitGrowl("created");
        awaitSelected(name);
        browser.screenshot("groups-created");

        JsonObject g = stored(api, name);
        assertEquals("UI group", g.getString("display_name"));
        assertEquals("made in the console", g.getString("description"));
        assertEquals("standard", g.getString("group_type"));
        assertEquals("openai", g.getString("channel_type"));
        assertEquals(5, g.getInt("sort"));
        assertEquals("gpt-ui-test", g.getString("test_model"));
        assertEquals("/v1/chat/completions", g.getString("validation_endpoint"));
        JsonArray upstreams = g.getJsonArray("upstreams");
        assertEquals(2, upstreams.size(), upstreams.toString());
        assertEquals(up.baseUrl(), upstreams.getJsonObject(0).getString("url"));
        assertEquals(2, upstreams.getJsonObject(0).getInt("weight"));
        assertEquals(up.baseUrl() + "/second", upstreams.getJsonObject(1).getString("url"));
        assertEquals(1, upstreams.getJsonObject(1).getInt("weight"));
        assertEquals(0.3, g.getJsonObject("param_overrides").getJsonNumber("temperature").doubleValue());
        assertEquals("gpt-ui-test", g.getJsonObject("model_redirect_rules").getString("gpt-ui"));
        assertTrue(g.getBoolean("model_redirect_strict"));
        JsonObject rule = g.getJsonArray("header_rules").getJsonObject(0);
        assertEquals("X-Console", rule.getString("key"));
        assertEquals("from-ui", rule.getString("value"));
        assertEquals("set", rule.getString("action"));
        assertEquals(2, g.getJsonObject("config").getInt("max_retries"));
        assertEquals(1, g.getJsonObject("config").size(), g.getJsonObject("config").toString());
        assertEquals(proxyKey, g.getString("proxy_keys"));

        // edit: the dialog shows the stored group; a changed weight is saved, the rest stays
        click("groupActions:editGroup");
        awaitShown(EDITOR);
        assertEquals(name, el("groupEditorForm:name").getAttribute("value"));
        assertTrue(driver.findElements(By.id("groupEditorForm:groupType")).isEmpty(), "the type is fixed after creation");
        assertEquals("2", el("groupEditorForm:upstreams:0:weight_input").getAttribute("value"));
        assertEquals("X-Console", el("groupEditorForm:headers:0:key").getAttribute("value"));
        assertEquals("max_retries", new Select(el("groupEditorForm:config:0:setting")).getFirstSelectedOption()
                .getAttribute("value"));
        type("groupEditorForm:upstreams:0:weight_input", "7");
        click("groupEditorForm:saveGroup");
        awaitHidden(EDITOR);
        awaitGrowl("saved");
        JsonObject edited = stored(api, name);
        assertEquals(7, edited.getJsonArray("upstreams").getJsonObject(0).getInt("weight"));
        assertEquals(1, edited.getJsonArray("upstreams").getJsonObject(1).getInt("weight"));
        assertEquals(g.getJsonArray("header_rules"), edited.getJsonArray("header_rules"));
        assertEquals(g.getJsonObject("config"), edited.getJsonObject("config"));
        assertEquals(proxyKey, edited.getString("proxy_keys"));

        // a refused group: the message shows in the open dialog, the field is marked, nothing is stored
        String invalid = Fixtures.unique("ui-bad");
        click("groupActions:newGroup");
        awaitShown(EDITOR);
        waiting().until(d -> el("groupEditorForm:name").getAttribute("value").isEmpty());
        type("groupEditorForm:name", invalid);
        type("groupEditorForm:testModel", "m");
        type("groupEditorForm:upstreams:0:url", "ftp://not-http.example");
        click("groupEditorForm:saveGroup");
        WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#groupEditorForm\\:editorMessages .ui-messages-error")));
        assertTrue(error.getText().contains("upstreams[0].url"), error.getText());
        assertTrue(error.getText().contains("http://"), error.getText());
        assertTrue(el("groupEditorForm:upstreams:0:url").getAttribute("class").contains("ui-state-error"));
        assertEquals("true", el("groupEditorForm:upstreams:0:url").getAttribute("aria-invalid"));
        waiting().until(d -> "groupEditorForm:upstreams:0:url".equals(activeId()));
        assertTrue(el(EDITOR).isDisplayed(), "the dialog stays open");
        assertTrue(group(api, invalid).isEmpty(), "nothing is stored");
        browser.screenshot("groups-invalid");
        // the same name as an existing group is refused as well, and named
        type("groupEditorForm:upstreams:0:url", up.baseUrl());
        type("groupEditorForm:name", name);
        click("groupEditorForm:saveGroup");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#groupEditorForm\\:editorMessages"), "already exists"));
        assertTrue(el("groupEditorForm:name").getAttribute("class").contains("ui-state-error"));
        click("groupEditorForm:cancelGroup");
        awaitHidden(EDITOR);
        assertTrue(group(api, invalid).isEmpty());

        // copy: the suggested name as the API gives it, then the copy is selected
        click("groupActions:copyGroup");
        awaitShown("groupEditorForm:groupCopy");
        String copyName = name + "_copy";
        assertTrue(el("copyText").getText().contains(copyName), el("copyText").getText());
        assertTrue(el("groupEditorForm:copyKeys:0").isSelected(), "all keys by default, as gpt-load");
        click("groupEditorForm:copyKeys:1");
        browser.screenshot("groups-copy");
        click("groupEditorForm:copyConfirm");
        awaitHidden("groupEditorForm:groupCopy");
        awaitSelected(copyName);
        JsonObject copy = stored(api, copyName);
        assertEquals("UI group Copy", copy.getString("display_name"));
        assertEquals(edited.getJsonArray("upstreams"), copy.getJsonArray("upstreams"));
        assertEquals(edited.getJsonArray("header_rules"), copy.getJsonArray("header_rules"));
        assertEquals(edited.getJsonObject("config"), copy.getJsonObject("config"));

        // delete the copy: the confirmation names it and its keys; another group is selected after
        click("groupActions:deleteGroup");
        awaitShown("groupEditorForm:groupDelete");
        String question = el("deleteText").getText();
        assertTrue(question.contains(copyName) && question.contains("0 keys"), question);
        waiting().until(d -> "groupEditorForm:deleteCancel".equals(activeId()));
        browser.screenshot("groups-delete");
        click("groupEditorForm:deleteConfirm");
        awaitHidden("groupEditorForm:groupDelete");
        awaitGrowl("deleted");
        waiting().until(d -> !copyName.equals(d.findElements(By.id("groupName")).stream().findFirst()
                .map(WebElement::getText).orElse(copyName)));
        assertTrue(group(api, copyName).isEmpty(), "the copy is gone");
        assertTrue(group(api, name).isPresent(), "the original stays");
    }

    @Test
    void anAggregateIsCreatedAndItsSubGroupsAddedWeightedAndRemoved(Api api, FakeUpstream up, Gateway gw)
            throws Exception {
        String first = Fixtures.unique("ui-sub-a");
        String second = Fixtures.unique("ui-sub-b");
        long firstId = Fixtures.group(api, first, "anthropic", up.baseUrl(), Secrets.remember("pk-" + first), "");
        long secondId = Fixtures.group(api, second, "anthropic", up.baseUrl(), Secrets.remember("pk-" + second), "");
        String name = Fixtures.unique("ui-agg");
        openKeysPage(gw);

        click("groupActions:newGroup");
        awaitShown(EDITOR);
        type("groupEditorForm:name", name);
        choose("groupEditorForm:groupType", "aggregate");
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("groupEditorForm:testModel")));
        assertTrue(driver.findElements(By.id("groupEditorForm:upstreams:0:url")).isEmpty(), "no upstreams");
        assertTrue(driver.findElements(By.id("groupEditorForm:addConfig")).isEmpty(), "no config overrides");
        assertEquals(name, el("groupEditorForm:name").getAttribute("value"), "typed values survive the switch");
        choose("groupEditorForm:channelType", "anthropic");
        type("groupEditorForm:displayName", "UI aggregate");
        browser.screenshot("groups-aggregate-editor");
        click("groupEditorForm:saveGroup");
        awaitHidden(EDITOR);
        awaitSelected(name);
        JsonObject agg = stored(api, name);
        assertEquals("aggregate", agg.getString("group_type"));
        assertEquals("anthropic", agg.getString("channel_type"));
        assertEquals(0, agg.getJsonArray("upstreams").size());
        long aggId = agg.getJsonNumber("id").longValue();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("subGroupsTitle")));
        assertTrue(el("subGroupsForm:members").getText().contains("no sub-groups"), el("subGroupsForm:members").getText());
        click("subGroupsForm:addSubGroups"); // nothing chosen: refused, and said so
        WebElement refused = waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#subGroupsForm\\:subGroupsMessages .ui-messages-error")));
        assertTrue(refused.getText().contains("at least one sub group"), refused.getText());
        addSubGroup(firstId, first, 3);
        addSubGroup(secondId, second, 1);
        waiting().until(d -> memberRows().size() == 2);
        assertEquals(List.of(first + "|3|75%", second + "|1|25%"), memberRows());
        assertEquals(List.of(3, 1), weights(api, aggId, firstId, secondId));

        // change a weight in its row
        type("subGroupsForm:members:1:weight_input", "3");
        click("subGroupsForm:members:1:saveWeight");
        waiting().until(d -> memberRows().contains(second + "|3|50%"));
        assertEquals(List.of(3, 3), weights(api, aggId, firstId, secondId));
        browser.screenshot("groups-aggregate");

        // another group and back: the panel reads the members again
        driver.findElements(By.cssSelector("[id^='groupsForm:groups:'][id$=':select']")).stream()
                .filter(a -> a.getText().contains(first)).findFirst().orElseThrow().click();
        awaitSelected(first);
        driver.findElements(By.cssSelector("[id^='groupsForm:groups:'][id$=':select']")).stream()
                .filter(a -> a.getText().contains("UI aggregate")).findFirst().orElseThrow().click();
        awaitSelected(name);
        assertEquals(List.of(first + "|3|50%", second + "|3|50%"), memberRows());

        // remove one after the confirmation
        int row = memberRows().indexOf(first + "|3|50%");
        click("subGroupsForm:members:" + row + ":remove");
        awaitShown("subGroupsForm:subGroupRemove");
        assertTrue(el("removeText").getText().contains(first), el("removeText").getText());
        click("subGroupsForm:removeConfirm");
        awaitHidden("subGroupsForm:subGroupRemove");
        waiting().until(d -> memberRows().equals(List.of(second + "|3|100%")));
        Api.Resp members = api.get("/api/groups/" + aggId + "/sub-groups");
        assertEquals(1, members.obj().getJsonArray("data").size(), members.body());
    }

    private static void addSubGroup(long id, String name, int weight) {
        click("subGroupsForm:addIds");
        WebElement item = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#subGroupsForm\\:addIds_panel li[data-item-value='" + id + "']")));
        item.click();
        waiting().until(d -> d.findElement(By.cssSelector(
                "#subGroupsForm\\:addIds_panel li[data-item-value='" + id + "'] .ui-chkbox-box"))
                .getAttribute("class").contains("ui-state-active"));
        js("PF('subGroupAddIds').hide()");
        type("subGroupsForm:addWeight_input", Integer.toString(weight));
        click("subGroupsForm:addSubGroups");
        waiting().until(d -> memberRows().stream().anyMatch(r -> r.startsWith(name + "|")));
    }

    /** "name|weight|share" of each member row. */
    private static List<String> memberRows() {
        List<String> rows = new ArrayList<>();
        for (WebElement tr : driver.findElements(By.cssSelector("#subGroupsForm\\:members_data tr[data-ri]"))) {
            String n = tr.findElement(By.cssSelector(".console-subgroup-name")).getText();
            String w = tr.findElement(By.cssSelector("input[id$='weight_input']")).getAttribute("value");
            String s = tr.findElement(By.cssSelector(".console-subgroup-share")).getText();
            rows.add(n + "|" + w + "|" + s);
        }
        return rows;
    }

    private static List<Integer> weights(Api api, long aggId, long... ids) {
        Api.Resp r = api.get("/api/groups/" + aggId + "/sub-groups");
        assertEquals(200, r.status(), r.body());
        List<Integer> out = new ArrayList<>();
        for (long id : ids) {
            out.add(r.obj().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getJsonObject("group").getJsonNumber("id").longValue() == id)
                    .map(m -> m.getInt("weight")).findFirst().orElse(-1));
        }
        return out;
    }

    @Test
    void theEditorWorksWithTheKeyboardAlone(Api api, FakeUpstream up, Gateway gw) throws Exception {
        String name = Fixtures.unique("ui-kbd");
        openKeysPage(gw);
        js("document.getElementById('groupActions:newGroup').focus()");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitShown(EDITOR);
        waiting().until(d -> "groupEditorForm:name".equals(activeId()));
        driver.switchTo().activeElement().sendKeys("typed-then-dropped");
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        awaitHidden(EDITOR);
        assertTrue(group(api, "typed-then-dropped").isEmpty(), "Escape closes without saving");

        js("document.getElementById('groupActions:newGroup').focus()");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        awaitShown(EDITOR);
        waiting().until(d -> "groupEditorForm:name".equals(activeId()));
        assertEquals("", el("groupEditorForm:name").getAttribute("value"), "a new dialog starts empty");
        driver.switchTo().activeElement().sendKeys(name);
        List<String> order = new ArrayList<>();
        order.add(activeId());
        tabTo("groupEditorForm:testModel", order).sendKeys("kbd-model");
        tabTo("groupEditorForm:upstreams:0:url", order).sendKeys(up.baseUrl());
        tabTo("groupEditorForm:saveGroup", order);
        assertTrue(order.indexOf("groupEditorForm:name") < order.indexOf("groupEditorForm:displayName")
                && order.indexOf("groupEditorForm:displayName") < order.indexOf("groupEditorForm:channelType")
                && order.indexOf("groupEditorForm:channelType") < order.indexOf("groupEditorForm:testModel")
                && order.indexOf("groupEditorForm:testModel") < order.indexOf("groupEditorForm:upstreams:0:url"),
                "Tab follows the form: " + order);
        System.out.println("[ConsoleGroupsIT] Tab order in the editor: " + order);
        browser.screenshot("groups-keyboard");
        // focus stays in the modal dialog: Tab past the last button comes back into the dialog
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertTrue(isInDialog(), "Tab after the last button left the dialog: " + activeId());
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertTrue(isInDialog(), "Shift+Tab left the dialog: " + activeId());
        tabTo("groupEditorForm:saveGroup", new ArrayList<>()).sendKeys(Keys.ENTER);
        awaitHidden(EDITOR);
        awaitSelected(name);
        JsonObject g = stored(api, name);
        assertEquals("kbd-model", g.getString("test_model"));
        assertEquals(up.baseUrl(), g.getJsonArray("upstreams").getJsonObject(0).getString("url"));
        assertNull(driver.findElements(By.cssSelector(".ui-dialog-mask")).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null), "no modal mask left behind");
    }

    private static boolean isInDialog() {
        return Boolean.TRUE.equals(js("return document.getElementById('" + EDITOR + "').contains(document.activeElement);"));
    }

    /** Presses Tab until {@code id} has the focus (at most 60 times), checking focus never leaves the dialog. */
    private static WebElement tabTo(String id, List<String> visited) {
        for (int i = 0; i < 60; i++) {
            if (id.equals(activeId())) {
                return driver.switchTo().activeElement();
            }
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertTrue(isInDialog(), "focus left the dialog after " + visited);
            visited.add(activeId());
        }
        throw new AssertionError("Tab never reached " + id + ": " + visited);
    }
}
