/**
 * Database connection settings: turns gpt-load's {@code DATABASE_DSN} forms (empty or a file path for
 * the embedded H2 database, PostgreSQL URLs and key/value strings, MySQL Go-driver DSNs, plain JDBC
 * URLs) into a JDBC URL, credentials and data source class. Pure parsing, no connections.
 */
package io.gptload.shared.db;
