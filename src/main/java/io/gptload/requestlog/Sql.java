package io.gptload.requestlog;

import io.gptload.shared.db.Dialect;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * SQL details shared by the writer and the queries. Date-times travel as {@link Timestamp} in the
 * JVM's zone: the app's local time on DATETIME / TIMESTAMP columns and the right instant on
 * PostgreSQL's {@code timestamptz}, with every driver (on H2 as the {@link LocalDateTime} itself,
 * on MySQL as text: {@link #setTime}).
 */
final class Sql {

    private static final DateTimeFormatter MYSQL_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    private Sql() {
    }

    /** A column named like a SQL keyword ({@code timestamp}, {@code time}), quoted as the schema quotes it. */
    static String column(Dialect dialect, String name) {
        return switch (dialect) {
            case POSTGRESQL -> '"' + name + '"';
            case MYSQL -> '`' + name + '`';
            case H2 -> name;
        };
    }

    /**
     * Binds a local date-time with its milliseconds. MariaDB announces itself to the MySQL driver as
     * server "5.5.5-…", for which the driver drops fractional seconds from temporal parameters, so on
     * MySQL / MariaDB the value travels as text instead.
     */
    static void setTime(PreparedStatement ps, int index, LocalDateTime time, Dialect dialect) throws SQLException {
        if (dialect == Dialect.MYSQL) {
            ps.setString(index, MYSQL_TIME.format(time));
        } else if (dialect == Dialect.H2) {
            // H2 takes the local date-time as it is (TIMESTAMP(3) columns); Timestamp.valueOf would
            // compute a calendar date in the JVM's zone only for H2 to convert it back
            ps.setObject(index, time);
        } else {
            ps.setTimestamp(index, Timestamp.valueOf(time));
        }
    }

    static String text(String s) {
        return s == null ? "" : s;
    }
}
