package io.gptload.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gptload.requestlog.LogFilter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The logs page's filter fields become the filter of /api/logs. */
class LogFilterFormTest {

    private static final ZoneId ZONE = ZoneOffset.ofHours(2);

    @Test
    void blankFieldsFilterNothing() {
        assertEquals(LogFilter.NONE, new LogFilterForm().toFilter(k -> "hash-" + k, ZONE));
        LogFilterForm spaces = new LogFilterForm();
        spaces.setGroupName("  ");
        spaces.setKeyValue(" ");
        spaces.setStatusCode(" ");
        assertEquals(LogFilter.NONE, spaces.toFilter(k -> "hash-" + k, ZONE));
    }

    @Test
    void aKeyLinkedByItsHashFiltersUntilAKeyIsTyped() {
        String hash = "ab".repeat(32);
        LogFilterForm f = new LogFilterForm();
        f.linkKeyHash(hash);
        assertEquals(hash, f.toFilter(k -> "hash-" + k, ZONE).keyHash());
        assertEquals(true, f.isKeyLinked());

        f.setKeyValue("sk-typed");
        assertEquals("hash-sk-typed", f.toFilter(k -> "hash-" + k, ZONE).keyHash(), "a typed key wins");
        assertEquals(false, f.isKeyLinked());

        LogFilterForm junk = new LogFilterForm();
        junk.linkKeyHash("sk-not-a-hash' OR 1=1");
        assertNull(junk.toFilter(k -> "hash-" + k, ZONE).keyHash(), "only 64 hex digits are a key hash");
        assertEquals(false, junk.isKeyLinked());
    }

    @Test
    void everyFieldMapsToItsFilterAndTheKeyOnlyAsItsHash() {
        LogFilterForm f = new LogFilterForm();
        f.setGroupName(" alpha ");
        f.setParentGroupName("agg");
        f.setModel("gpt");
        f.setKeyValue(" sk-full-key ");
        f.setStatusCode("429");
        f.setSuccess("false");
        f.setRequestType("retry");
        f.setSourceIp("10.0.0.1");
        f.setErrorContains("rate");
        f.setStartTime(LocalDateTime.of(2025, 1, 15, 10, 0));
        f.setEndTime(LocalDateTime.of(2025, 1, 15, 12, 30, 15));
        LogFilter filter = f.toFilter(k -> "hash-" + k, ZONE);
        assertEquals(new LogFilter("alpha", "agg", "gpt", "rate", "hash-sk-full-key", Boolean.FALSE, "retry", 429,
                "10.0.0.1", Instant.parse("2025-01-15T08:00:00Z"), Instant.parse("2025-01-15T10:30:15Z")), filter);
    }

    @Test
    void aStatusThatIsNotANumberAndUnknownChoicesAreIgnored() {
        LogFilterForm f = new LogFilterForm();
        f.setStatusCode("abc");
        f.setSuccess("maybe");
        f.setRequestType("other");
        LogFilter filter = f.toFilter(k -> k, ZONE);
        assertNull(filter.statusCode());
        assertNull(filter.isSuccess());
        assertNull(filter.requestType());
        f.setSuccess("true");
        assertEquals(Boolean.TRUE, f.toFilter(k -> k, ZONE).isSuccess());
    }
}
