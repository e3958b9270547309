package io.gptload.group;

/** How many keys a group has, by status. */
public record KeyCounts(long total, long active, long invalid) {

    public static final KeyCounts NONE = new KeyCounts(0, 0, 0);

    public KeyCounts {
        if (total < 0 || active < 0 || invalid < 0) {
            throw new IllegalArgumentException("key counts must not be negative");
        }
    }
}
