/**
 * Store roles (key ring, task slot, lease, broadcast, shared key failure counts) with in-memory and Redis implementations; snapshot caches that reload on broadcast. May use: shared.
 */
package io.gptload.cluster;
