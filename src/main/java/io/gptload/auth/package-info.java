/**
 * Proxy-key check, admin authentication, login throttling. May use: shared, settings, group.
 */
package io.gptload.auth;
