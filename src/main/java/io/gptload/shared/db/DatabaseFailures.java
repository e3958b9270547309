package io.gptload.shared.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/** Tells a database that cannot be reached (down, refused, no connection to be had) from other failures. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** True when {@code e} or one of its causes says the database cannot be reached right now. */
    public static boolean isUnavailable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true; // SQLSTATE class 08: connection exception
            }
            if (t instanceof java.net.ConnectException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("error in allocating a connection") || m.contains("connection could not be allocated")
                    || m.contains("communications link failure")) {
                return true;
            }
        }
        return false;
    }
}
