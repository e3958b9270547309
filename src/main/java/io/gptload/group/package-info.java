/**
 * Groups, upstreams, aggregate members, GroupCatalog (immutable snapshots for the hot path) and group use cases. May use: shared, settings, channel, cluster.
 */
package io.gptload.group;
