/**
 * The data plane: ProxyResource, ProxyExchange (attempt loop), retry policy, FailureKind, Attempt, ProxyCompleted, and ProxyMetrics (the gateway's Prometheus metrics). May use: shared, settings, auth, group, keypool, channel, upstream.
 */
package io.gptload.proxy;
