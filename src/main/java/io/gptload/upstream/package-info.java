/**
 * HTTP clients per timeout/proxy profile, hop-by-hop header filter, byte relay, redirects followed
 * without carrying credentials to another host, and the outbound proxy from the environment
 * ({@code HTTP_PROXY}/{@code HTTPS_PROXY}/{@code NO_PROXY}). May use: shared, settings.
 */
package io.gptload.upstream;
