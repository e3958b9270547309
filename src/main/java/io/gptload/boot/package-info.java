/**
 * Application start-up and the master's schedule: the data source from {@code DATABASE_DSN},
 * schema migrations, settings seeding, loading the in-memory snapshots (groups, key pools), and the
 * timer shims of the background jobs that need more than one feature (key re-validation, log
 * retention), and the graceful-shutdown drain the launcher invokes on SIGTERM. An edge: may use any feature; nothing uses it.
 */
package io.gptload.boot;
