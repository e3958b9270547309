package io.gptload.group;

import java.util.Objects;

/** A group use case refused for a reason that is not a field rule: missing group, taken name, wrong
 * group type, missing membership. */
public final class GroupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the use case was refused. */
    public enum Reason {
        NOT_FOUND,
        DUPLICATE_NAME,
        NOT_AGGREGATE,
        /** The group is not a member of the aggregate. */
        NOT_A_MEMBER
    }

    private final Reason reason;

    public GroupException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    static GroupException notFound() {
        return new GroupException(Reason.NOT_FOUND, "Resource not found");
    }

    static GroupException duplicateName(String name) {
        return new GroupException(Reason.DUPLICATE_NAME, "Group name '" + name + "' already exists");
    }

    static GroupException notAMember() {
        return new GroupException(Reason.NOT_A_MEMBER, "Sub group not found");
    }

    static GroupException notAggregate() {
        return new GroupException(Reason.NOT_AGGREGATE, "Only aggregate groups can have sub groups");
    }
}
