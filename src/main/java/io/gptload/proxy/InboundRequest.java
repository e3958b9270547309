package io.gptload.proxy;

import io.gptload.channel.ClientRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's request once accepted by the resource: the channel view, every header with all
 * its values, the caller's address and the logged path.
 */
record InboundRequest(ClientRequest channelView, Map<String, List<String>> headers, String clientIp,
                      String loggedPath, String userAgent) {

    InboundRequest {
        Objects.requireNonNull(channelView, "channelView");
        Objects.requireNonNull(headers, "headers");
    }

    String method() {
        return channelView.method();
    }

    byte[] body() {
        return channelView.body();
    }
}
