package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ClientAbortLogFilterTest {

    private static LogRecord record(Throwable t) {
        LogRecord r = new LogRecord(Level.SEVERE, "Error while closing the output stream in order to commit response.");
        r.setThrown(t);
        return r;
    }

    @Test
    void dropsOnlyVanishedClients() {
        Logger l = ClientAbortLogFilter.install();
        assertFalse(l.getFilter().isLoggable(record(new UncheckedIOException(new IOException("Connection is closed")))));
        assertFalse(l.getFilter().isLoggable(record(new IOException("Broken pipe"))));
        assertTrue(l.getFilter().isLoggable(record(new IllegalStateException("real bug"))));
        assertTrue(l.getFilter().isLoggable(record(null)));
        assertTrue(ClientAbortLogFilter.install().getFilter() instanceof ClientAbortLogFilter, "installed once");
    }
}
