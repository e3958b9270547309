package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gptload.it.ScratchDatabase.Backend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The logs page over 1,000,000 request logs on H2 (the default database): a gateway on a fresh
 * working directory creates its schema and stops; the rows are written straight into its H2 file
 * with batched JDBC; the restarted gateway then serves the logs page. The load times of the page
 * (over HTTP with a console session, and in Chromium), of a filtered page and of a page change are
 * printed as {@code [ConsoleLoadIT] ...}, never asserted.
 */
class ConsoleLoadIT {

    static final int ROWS = 1_000_000;
    private static final int PER_STATEMENT = 100;
    private static final int PER_TRANSACTION = 10_000;
    private static final int GROUPS = 10;

    private static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void print(String what, long millis) {
        System.out.println("[ConsoleLoadIT] " + what + ": " + millis + " ms");
    }

    @Test
    void theLogsPageStaysFastWithAMillionRows() throws Exception {
        Browser.assumeInstalled();
        try (ScratchDatabase db = ScratchDatabase.create(Backend.H2)) {
            try (Gateway first = Gateway.start("console-load-schema", Map.of(), db.workDir())) {
                assertTrue(first.isAlive()); // the schema, with its indexes, exists now
            }
            long seed = System.nanoTime();
            try (Connection c = db.connect()) {
                seed(c);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM request_logs")) {
                    rs.next();
                    assertEquals(ROWS, rs.getLong(1));
                }
            }
            print("seeding " + ROWS + " request_logs rows (H2, batched JDBC)", ms(seed));

            try (Gateway gw = Gateway.start("console-load", Map.of(), db.workDir());
                 Browser browser = Browser.start()) {
                measure(gw, browser);
            }
        }
    }

    private static void seed(Connection c) throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO request_logs (id, timestamp, group_id, group_name,"
                + " parent_group_id, parent_group_name, key_value, key_hash, model, is_success, source_ip, status_code,"
                + " request_path, duration, error_message, user_agent, request_type, upstream_addr, is_stream) VALUES ");
        for (int i = 0; i < PER_STATEMENT; i++) {
            sql.append(i == 0 ? "" : ",").append("(?,?,?,?,0,'',?,?,?,?,?,?,?,?,?,'ConsoleLoadIT',?,?,FALSE)");
        }
        long newest = System.currentTimeMillis() - 60_000;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < ROWS; i += PER_STATEMENT) {
                int p = 1;
                for (int j = 0; j < PER_STATEMENT; j++) {
                    int n = i + j;
                    boolean ok = n % 7 != 0;
                    String group = "load-group-" + (n % GROUPS);
                    ps.setString(p++, UUID.randomUUID().toString());
                    ps.setTimestamp(p++, new Timestamp(newest - (long) n * 400)); // about 4.6 days back
                    ps.setLong(p++, 1000 + n % GROUPS);
                    ps.setString(p++, group);
                    ps.setString(p++, "sk-load-" + (n % 1000) + "-abcdefghijklmnop");
                    ps.setString(p++, "load-hash-" + (n % 1000));
                    ps.setString(p++, n % 3 == 0 ? "gpt-4o" : "gpt-4o-mini");
                    ps.setBoolean(p++, ok);
                    ps.setString(p++, "10.0." + (n % 7) + "." + (n % 250));
                    ps.setInt(p++, ok ? 200 : 500);
                    ps.setString(p++, "/proxy/" + group + "/v1/chat/completions");
                    ps.setLong(p++, 50 + n % 950);
                    ps.setString(p++, ok ? "" : "upstream error " + (n % 13));
                    ps.setString(p++, n % 4 == 0 ? "retry" : "final");
                    ps.setString(p++, "http://127.0.0.1:9/v1/chat/completions");
                }
                ps.executeUpdate();
                if ((i + PER_STATEMENT) % PER_TRANSACTION == 0) {
                    c.commit();
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static void measure(Gateway gw, Browser browser) throws Exception {
        WebDriver driver = browser.driver();
        WebDriverWait wait = Browser.waiting(driver, Duration.ofSeconds(120));
        driver.get(gw.uri("/login.xhtml").toString());
        driver.findElement(By.id("login:authKey")).sendKeys(Gateway.AUTH_KEY);
        driver.findElement(By.id("login:submit")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("/dashboard.xhtml"));
        String cookie = "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();

        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            HttpResponse<String> page = Fixtures.send(HttpRequest.newBuilder(gw.uri("/logs.xhtml"))
                    .header("Cookie", cookie).GET());
            long took = ms(t);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("1,000,000 matching logs"), "the total is shown");
            print("logs page first load over HTTP with a session cookie, round " + round, took);
        }

        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            driver.get(gw.uri("/logs.xhtml").toString());
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            wait.until(d -> rows(d).size() == 20);
            print("logs page load in Chromium (20 rows shown), round " + round, ms(t));
        }
        assertTrue(driver.findElement(By.id("logsTotal")).getText().contains("1,000,000"));
        browser.screenshot("logs-load");

        String firstRow = rows(driver).get(0).getText();
        long next = System.nanoTime();
        driver.findElement(By.cssSelector("#logsForm\\:logTable .ui-paginator-next")).click();
        wait.until(d -> !rows(d).isEmpty() && !rows(d).get(0).getText().equals(firstRow));
        print("next page in Chromium", ms(next));

        long last = System.nanoTime();
        driver.findElement(By.cssSelector("#logsForm\\:logTable .ui-paginator-last")).click();
        wait.until(d -> report(d).startsWith("999981–1000000 of 1000000"));
        wait.until(d -> rows(d).size() == 20);
        print("last page (offset 999,980) in Chromium", ms(last));

        WebElement group = driver.findElement(By.id("logsForm:groupName"));
        group.sendKeys("load-group-3");
        long filtered = System.nanoTime();
        driver.findElement(By.id("logsForm:apply")).click();
        wait.until(d -> d.findElement(By.id("logsTotal")).getText().contains("More than 1,000"));
        wait.until(d -> rows(d).size() == 20 && rows(d).stream().allMatch(r -> r.getText().contains("load-group-3")));
        print("filtered load (group contains load-group-3, 100,000 matches) in Chromium", ms(filtered));
        assertTrue(report(driver).endsWith("of 1000"), report(driver));

        long further = System.nanoTime();
        driver.findElement(By.cssSelector("#logsForm\\:logTable .ui-paginator-last")).click();
        wait.until(d -> report(d).startsWith("981–1000 of 10000"));
        print("filtered, last counted page (the count goes on to 10,000) in Chromium", ms(further));
        assertTrue(rows(driver).stream().allMatch(r -> r.getText().contains("load-group-3")));

        driver.findElement(By.id("logsForm:statusCode")).sendKeys("500");
        long narrow = System.nanoTime();
        driver.findElement(By.id("logsForm:apply")).click();
        wait.until(d -> rows(d).size() == 20 && rows(d).stream().allMatch(r -> r.getText().contains("500") && r.getText().contains("Failure")));
        print("filtered load (group and status 500, about 14,000 matches, counted to 1,000) in Chromium", ms(narrow));
        browser.screenshot("logs-load-filtered");

        driver.findElement(By.id("logsForm:reset")).click();
        wait.until(d -> d.findElement(By.id("logsTotal")).getText().contains("1,000,000"));
        driver.findElement(By.id("logsForm:groupName")).sendKeys("no-such-group");
        long none = System.nanoTime();
        driver.findElement(By.id("logsForm:apply")).click();
        wait.until(d -> d.findElement(By.id("logsTotal")).getText().equals("0 matching logs"));
        print("filtered load with no match (a full scan) in Chromium", ms(none));

        long api = System.nanoTime();
        Api.Resp r = new Api(gw).get("/api/logs?page=1&page_size=20");
        assertEquals(200, r.status());
        print("GET /api/logs first page (for comparison)", ms(api));
    }

    /** The paginator's report, e.g. {@code 1–20 of 1000}, without digit grouping. */
    private static String report(WebDriver d) {
        return d.findElement(By.cssSelector("#logsForm\\:logTable .ui-paginator-current")).getText().replace(",", "");
    }

    private static List<WebElement> rows(WebDriver d) {
        return d.findElements(By.cssSelector("#logsForm\\:logTable_data > tr:not(.ui-datatable-empty-message)"));
    }
}
