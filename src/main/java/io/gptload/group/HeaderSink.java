package io.gptload.group;

/** Where header rules are applied: the headers of an outgoing upstream request. */
public interface HeaderSink {

    /** Replaces every value of header {@code name} with {@code value}. */
    void set(String name, String value);

    /** Removes header {@code name}. */
    void remove(String name);
}
