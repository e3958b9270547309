package io.gptload.proxy;

import java.util.function.Supplier;

/**
 * How one exchange answers its client, implemented by each front door (the JAX-RS resource,
 * the Grizzly handler). Exactly one of the two methods is called, once, on the relay's thread.
 */
public interface ClientReply {

    /** Sends a complete answer and ends the response. */
    void send(Reply reply);

    /**
     * Sends the relay's status and headers, then lets it write the body in the calling thread,
     * and ends the response; a body that was never asked for (HEAD, client gone) is abandoned
     * through {@link ResponseRelay#abandonIfUnwritten()}. When the upstream body breaks off
     * before anything reached the client, the answer {@code ifBrokenEarly} gives is sent instead
     * where the front door can still do so (it is asked only then: most relays never need it).
     */
    void relay(ResponseRelay relay, Supplier<Reply> ifBrokenEarly);
}
