package io.gptload.proxy;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** {@link ClientReply} through JAX-RS: the answer resumes the suspended {@link AsyncResponse}. */
final class JaxRsReply implements ClientReply {

    private final AsyncResponse async;

    JaxRsReply(AsyncResponse async) {
        this.async = Objects.requireNonNull(async, "async");
    }

    @Override
    public void send(Reply reply) {
        Response.ResponseBuilder b = Response.status(reply.status()).entity(reply.body());
        for (Map.Entry<String, String> h : reply.headers()) {
            b.header(h.getKey(), h.getValue());
        }
        async.resume(b.build());
    }

    @Override
    public void relay(ResponseRelay relay, Supplier<Reply> ifBrokenEarly) {
        Response.ResponseBuilder b = Response.status(relay.status());
        relay.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        // the container writes the body in this thread, inside resume(); a body that breaks
        // off is the container's to end (it aborts the response), so ifBrokenEarly is not used
        async.resume(b.entity((StreamingOutput) relay::write).build());
        relay.abandonIfUnwritten();
    }
}
