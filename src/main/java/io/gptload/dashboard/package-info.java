/**
 * Dashboard read models (spec §1 rows 24, 35, 36, 38): the statistics cards with their trends,
 * the 24-hour chart, the security warnings about weak secrets and the encryption-status check.
 * Read only; numbers come from the request logs and hourly statistics of {@code requestlog}, key
 * counts from {@code api_keys}. May use: shared, requestlog, keypool, group.
 */
package io.gptload.dashboard;
