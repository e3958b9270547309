/**
 * Request logs: buffer (and its depth gauge), batch writer, retention, hourly statistics, queries. May use: shared, cluster, proxy (event record only).
 */
package io.gptload.requestlog;
