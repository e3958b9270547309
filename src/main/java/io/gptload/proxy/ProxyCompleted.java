package io.gptload.proxy;

import java.util.List;

/** Fired once per proxied request when it has ended, with every attempt in order. */
public record ProxyCompleted(List<Attempt> attempts) {

    public ProxyCompleted {
        attempts = List.copyOf(attempts);
    }
}
