package io.gptload.proxy;

import io.gptload.shared.config.GatewayConfig;
import io.gptload.shared.http.CorsPolicy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * Chooses how {@code /proxy} is served. On Payara, with {@code PROXY_FAST_PATH} on (the
 * default), a Grizzly handler takes {@code /proxy} straight from the HTTP listener
 * ({@link GrizzlyFrontDoor}): no web container, servlet filters or JAX-RS on the data plane. Where
 * that is unavailable (another runtime, the option off) {@link ProxyResource} serves it through
 * JAX-RS. Both hand every request to the same {@link ProxyGate}.
 * <p>
 * The handler's threads (relay virtual threads started by the listener, or its workers) carry no
 * application context, so the gate is entered through a contextual proxy made here, on a
 * container thread: each request then runs with the application's class loader and naming
 * context, and so does every thread it starts, exactly as on the JAX-RS path.
 */
@ApplicationScoped
public class ProxyFrontDoor {

    private static final Logger LOG = Logger.getLogger("io.gptload.proxy");

    private ProxyGate gate;
    private GatewayConfig config;
    @Resource
    private ContextService context;
    private AutoCloseable registration;

    protected ProxyFrontDoor() {
        // for CDI proxies
    }

    @Inject
    public ProxyFrontDoor(ProxyGate gate, GatewayConfig config) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.config = Objects.requireNonNull(config, "config");
    }

    void open(@Observes @Initialized(ApplicationScoped.class) ServletContext servletContext) {
        if (!config.proxy().fastPath()) {
            LOG.info("/proxy is served through JAX-RS (PROXY_FAST_PATH=false)");
            return;
        }
        String path = servletContext.getContextPath() + "/proxy";
        try {
            ProxyGate direct = DirectBeans.of(gate, ProxyGate.class);
            GateEntry entry = context.createContextualProxy((GateEntry) direct::handle, GateEntry.class);
            registration = GrizzlyFrontDoor.register(path, entry, CorsPolicy.of(config.cors()), direct.relayThreads());
            LOG.info(path + " is served by the HTTP listener directly (Grizzly)");
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            LOG.info(path + " is served through JAX-RS: the HTTP listener cannot take it directly here ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    void close(@Observes @BeforeDestroyed(ApplicationScoped.class) ServletContext servletContext) {
        if (registration != null) {
            try {
                registration.close();
            } catch (Exception e) {
                LOG.fine("proxy front door not unregistered: " + e);
            }
            registration = null;
        }
    }

    /** How a front door enters the gate (an interface, so that it can be a contextual proxy). */
    public interface GateEntry {
        /** {@code inline}: see {@link ProxyGate#handle(ClientCall, ClientReply, boolean)}. */
        void handle(ClientCall call, ClientReply reply, boolean inline);
    }
}
