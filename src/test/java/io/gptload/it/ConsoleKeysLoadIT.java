package io.gptload.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The keys page with 100,000 keys in one group (H2, the default database): the page, the last
 * page of the table and an exact-key search are timed in headless Chromium and printed as
 * {@code [ConsoleKeysLoadIT] ...} lines (measured, not asserted). Skipped without Chromium.
 */
class ConsoleKeysLoadIT {

    private static final int KEYS = 100_000;

    @Test
    void aHundredThousandKeysLoadQuickly() throws Exception {
        Browser.assumeInstalled();
        String name = Fixtures.unique("load");
        ScratchDatabase h2 = ScratchDatabase.create(ScratchDatabase.Backend.H2);
        java.nio.file.Path work = h2.workDir();
        try (Gateway first = Gateway.start("console-keys-load", java.util.Map.of(), work)) {
            Fixtures.group(new Api(first), name, "openai", "http://127.0.0.1:9", "pk-" + name, "");
        }
        long seeded = System.nanoTime();
        try (Connection c = h2.connect()) {
            seed(c, name);
        }
        System.out.println("[ConsoleKeysLoadIT] seeded " + KEYS + " keys in " + ms(seeded) + " ms");

        try (Gateway gw = Gateway.start("console-keys-load", java.util.Map.of(), work);
             Browser browser = Browser.start()) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = Browser.waiting(driver, Duration.ofSeconds(60));
            driver.get(gw.uri("/login.xhtml").toString());
            driver.findElement(By.id("login:authKey")).sendKeys(Gateway.AUTH_KEY, Keys.ENTER);
            wait.until(ExpectedConditions.urlMatches(".*/dashboard\\.xhtml$"));

            for (int round = 1; round <= 3; round++) { // the first round includes JIT warm-up
                long t0 = System.nanoTime();
                driver.get(gw.uri("/keys.xhtml").toString());
                wait.until(d -> report(d).endsWith("of 100000"));
                Object nav = ((JavascriptExecutor) driver).executeScript(
                        "var n = performance.getEntriesByType('navigation')[0];"
                                + " return Math.round(n.responseEnd - n.requestStart) + ' ms to the last byte, '"
                                + " + Math.round(n.loadEventEnd - n.startTime) + ' ms to load';");
                System.out.println("[ConsoleKeysLoadIT] keys page with " + KEYS + " keys, round " + round + ": "
                        + ms(t0) + " ms until the table shows (" + nav + ")");
            }
            assertEquals(20, driver.findElements(By.cssSelector("#keysForm\\:keyTable_data > tr[data-rk]")).size());
            browser.screenshot("keys-100k");

            long last = System.nanoTime();
            driver.findElement(By.cssSelector("#keysForm\\:keyTable_paginator_top .ui-paginator-last")).click();
            wait.until(d -> report(d).startsWith("99981"));
            System.out.println("[ConsoleKeysLoadIT] last page (offset 99,980): " + ms(last) + " ms");

            String wanted = key(name, 77_777);
            long search = System.nanoTime();
            driver.findElement(By.id("keysForm:keySearch")).sendKeys(wanted);
            driver.findElement(By.id("keysForm:applyFilters")).click();
            wait.until(d -> report(d).equals("1–1 of 1"));
            System.out.println("[ConsoleKeysLoadIT] exact-key search among " + KEYS + ": " + ms(search) + " ms");
            String shown = driver.findElement(By.cssSelector("#keysForm\\:keyTable_data .console-key")).getText();
            assertTrue(shown.startsWith(wanted.substring(0, 4)) && shown.endsWith(wanted.substring(wanted.length() - 4)),
                    shown);
        }
    }

    /** The table's "first–last of total" text, digits without grouping separators. */
    private static String report(WebDriver d) {
        return d.findElements(By.cssSelector("#keysForm\\:keyTable_paginator_top .ui-paginator-current")).stream()
                .findFirst().map(e -> e.getText().replace(",", "").replace("\u00a0", "").strip()).orElse("");
    }

    private static String key(String name, int i) {
        return "sk-load-" + name + "-" + String.format("%06d", i);
    }

    private static void seed(Connection c, String name) throws Exception {
        long groupId;
        try (var rs = c.createStatement().executeQuery("SELECT id FROM \"groups\" WHERE name = '" + name + "'")) {
            rs.next();
            groupId = rs.getLong(1);
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        LocalDateTime base = LocalDateTime.now().minusDays(1);
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_value, key_hash, group_id, status, "
                + "notes, request_count, failure_count, last_used_at, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, '', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < KEYS; i++) {
                String key = key(name, i);
                boolean invalid = i % 10 == 0;
                ps.setString(1, key);
                ps.setString(2, HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8))));
                ps.setLong(3, groupId);
                ps.setString(4, invalid ? "invalid" : "active");
                ps.setLong(5, i % 1000);
                ps.setLong(6, invalid ? 3 : 0);
                ps.setTimestamp(7, i % 3 == 0 ? null : Timestamp.valueOf(base.plusSeconds(i)));
                ps.setTimestamp(8, Timestamp.valueOf(base));
                ps.setTimestamp(9, Timestamp.valueOf(base));
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                    c.commit();
                }
            }
            ps.executeBatch();
        }
        c.commit();
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
