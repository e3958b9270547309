package io.gptload.api;

import io.gptload.group.GroupMessage;
import io.gptload.keypool.TaskStartException;
import io.gptload.settings.ValidationMessage;
import io.gptload.shared.ValidationException;
import io.gptload.shared.db.DatabaseFailures;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where {@code /api} errors become gpt-load's envelope. Unknown exceptions are
 * logged by type (never with request data) and answered 500 without details.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class.getName());

    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof ApiException a) {
            return Envelope.error(a.status(), a.code(), a.getMessage());
        }
        if (e instanceof TaskStartException t) {
            return Envelope.error(409, "TASK_IN_PROGRESS", t.getMessage());
        }
        if (e instanceof ValidationException v) {
            String lang = headers == null ? null : headers.getHeaderString("Accept-Language");
            String message = GroupMessage.localize(v, lang).orElseGet(() -> ValidationMessage.localize(v, lang));
            return Envelope.error(400, "VALIDATION_FAILED", message);
        }
        if (e instanceof JsonParsingException || e instanceof JsonException) {
            return Envelope.error(400, "INVALID_JSON", "Invalid JSON: " + e.getMessage());
        }
        if (e instanceof NotFoundException || e instanceof NotAllowedException) {
            return Response.status(404).type("application/json").entity(UnknownProxyRouteFilter.NOT_FOUND_BODY).build();
        }
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            int s = w.getResponse().getStatus();
            return Envelope.error(s, s == 415 || s == 400 ? "INVALID_JSON" : "BAD_REQUEST", "Bad request");
        }
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warning("/api refused: the database is unavailable (" + e.getClass().getSimpleName() + ")");
            Response r = Envelope.error(503, "DATABASE_UNAVAILABLE", "The database is unavailable right now."
                    + " The proxy keeps serving; management changes are refused until the database is back."
                    + " Try again shortly.");
            return Response.fromResponse(r).header("Retry-After", "5").build();
        }
        LOG.log(Level.SEVERE, "unexpected error in /api: " + io.gptload.shared.Throwables.describe(e));
        return Envelope.error(500, "INTERNAL_SERVER_ERROR", "Internal server error");
    }
}
