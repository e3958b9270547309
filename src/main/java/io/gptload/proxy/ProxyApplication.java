package io.gptload.proxy;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The data plane, {@code /proxy/{group}/...}. Jersey's response buffering is switched off so
 * streamed bodies reach the client chunk by chunk; no generated WADL is served.
 */
@ApplicationPath("proxy")
public class ProxyApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(ProxyResource.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.contentLength.buffer", 0,
                "jersey.config.server.wadl.disableWadl", true,
                // an upstream's relative Location must reach the client as sent, not resolved against the gateway
                "jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
