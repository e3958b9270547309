package io.gptload.cluster;

import java.util.function.Consumer;

/**
 * Change notices between the nodes of a cluster (spec §6.3, DECISIONS 10): a node that changed
 * settings, groups or keys publishes a short notice after its change is committed; every other
 * node reloads what the notice names from the database. A node never receives its own notices
 * (it has applied the change already). On one node (no {@code REDIS_DSN}) publishing does nothing.
 */
public interface Broadcast {

    /** Settings changed: reload them. Payload {@code reload}. */
    String SETTINGS = "system_settings:updated";
    /** Groups or sub-groups changed: rebuild the group catalog. Payload {@code reload}. */
    String GROUPS = "groups:updated";
    /** A group's keys changed (added, deleted, blacklisted, restored): reload its active keys. Payload: the group id. */
    String KEYS = "keys:updated";
    /** A key's consecutive-failure count across the cluster changed. Payload {@code keyId:count}. */
    String KEY_FAILURES = "keys:failures";

    /** Sends a notice to the other nodes, asynchronously; never blocks and never throws. */
    void publish(String channel, String payload);

    /** Calls {@code listener} with the payload of every notice another node publishes on {@code channel}. */
    void subscribe(String channel, Consumer<String> listener);

    /**
     * Calls {@code task} after the connection to the other nodes came back from an outage, when
     * notices may have been missed: the node reloads everything.
     */
    void onResync(Runnable task);

    /** Starts receiving (after the listeners are registered). */
    void start();

    /** Whether this node shares its state with others (Redis configured). */
    boolean clustered();
}
