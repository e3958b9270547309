package io.gptload.group;

/**
 * Fired inside the transaction of every group change (create, update, delete, sub-groups); the
 * catalog is rebuilt once the transaction has committed.
 */
public record GroupsChanged(long groupId) {
}
