/**
 * What every HTTP edge applies alike (the servlet filters of {@code api} and the proxy's own
 * front door): the security headers, the CORS policy, the access-log line. Uses nothing but
 * {@code shared}.
 */
package io.gptload.shared.http;
