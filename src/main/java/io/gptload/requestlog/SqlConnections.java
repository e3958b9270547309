package io.gptload.requestlog;

import java.sql.Connection;
import java.sql.SQLException;

/** Where the request-log beans get a JDBC connection from (the gateway data source, or a test database). */
@FunctionalInterface
interface SqlConnections {

    Connection open() throws SQLException;
}
