package io.gptload.api;

import io.gptload.group.GroupException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders a refused group use case: missing group 404, taken name 409, not an aggregate 400,
 * not a member 404. */
@Provider
public class GroupExceptionMapper implements ExceptionMapper<GroupException> {

    @Override
    public Response toResponse(GroupException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> Envelope.error(404, "NOT_FOUND", "Resource not found");
            case DUPLICATE_NAME -> Envelope.error(409, "DUPLICATE_RESOURCE", e.getMessage());
            case NOT_AGGREGATE -> Envelope.error(400, "BAD_REQUEST", e.getMessage());
            case NOT_A_MEMBER -> Envelope.error(404, "NOT_FOUND", e.getMessage());
        };
    }
}
