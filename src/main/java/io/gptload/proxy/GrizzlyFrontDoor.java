package io.gptload.proxy;

import io.gptload.shared.http.CorsPolicy;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;

/**
 * Puts {@link GrizzlyProxyRouter} in front of the web container on Payara's HTTP listeners. With
 * one application deployed (Payara Micro, the uber-jar), each listener's {@code ContainerMapper}
 * hands every request straight to the web container's handler, which its {@code ContextMapper}
 * holds; that handler is replaced by a router sending {@code /proxy} to the proxy's own handler
 * and everything else where it went before. The listener keeps its one-application shape, so
 * paths are routed exactly as before (no second handler for the listener to decode and map).
 * <p>
 * These are Payara's internals, reached by reflection: a runtime without them (OpenLiberty), or a
 * listener already shared by several applications, fails here before anything changed, and the
 * JAX-RS resource serves {@code /proxy}.
 */
final class GrizzlyFrontDoor {

    private static final String CONTAINER_MAPPER = "com.sun.enterprise.v3.services.impl.ContainerMapper";

    private GrizzlyFrontDoor() {
    }

    /** Routes {@code prefix} (the raw path of {@code /proxy}) to the proxy on every listener it can; closing restores them. */
    static AutoCloseable register(String prefix, ProxyFrontDoor.GateEntry gate, CorsPolicy cors)
            throws ReflectiveOperationException {
        Object grizzlyService = grizzlyService();
        ReentrantReadWriteLock lock = (ReentrantReadWriteLock) grizzlyService.getClass()
                .getMethod("obtainMapperLock").invoke(grizzlyService);
        GrizzlyProxyHandler proxy = new GrizzlyProxyHandler(gate, cors);
        List<AutoCloseable> undo = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (Object networkProxy : List.copyOf((Collection<?>) field(grizzlyService, "proxies"))) {
            Object listener = networkProxy.getClass().getMethod("getUnderlyingListener").invoke(networkProxy);
            if (listener == null) {
                continue;
            }
            List<?> filters = (List<?>) listener.getClass().getMethod("getFilters", Class.class)
                    .invoke(listener, HttpServerFilter.class);
            seen.append(' ').append(listener.getClass().getMethod("getName").invoke(listener)).append(':');
            for (Object filter : filters) {
                HttpHandler mapper = ((HttpServerFilter) filter).getHttpHandler();
                if (mapper == null || !mapper.getClass().getName().equals(CONTAINER_MAPPER)) {
                    seen.append(" other handler");
                    continue;
                }
                if ((Boolean) field(mapper, "mapMultipleAdapter")) {
                    seen.append(" shared by several applications");
                    continue;
                }
                AutoCloseable joined = join(field(mapper, "mapper"), lock, proxy, prefix);
                if (joined != null) {
                    undo.add(joined);
                }
            }
        }
        if (undo.isEmpty()) {
            throw new IllegalStateException("no listener to join;" + (seen.isEmpty() ? " none found" : seen));
        }
        return () -> {
            for (AutoCloseable u : undo) {
                u.close();
            }
        };
    }

    /** Wraps the context mapper's handler (the web container) in a router; null if it has none. */
    private static AutoCloseable join(Object contextMapper, ReentrantReadWriteLock lock, GrizzlyProxyHandler proxy,
                                      String prefix) throws ReflectiveOperationException {
        Method get = contextMapper.getClass().getMethod("getHttpHandler");
        Method set = contextMapper.getClass().getMethod("setHttpHandler", HttpHandler.class);
        lock.writeLock().lock();
        try {
            HttpHandler web = (HttpHandler) get.invoke(contextMapper);
            if (web == null || web instanceof GrizzlyProxyRouter) {
                return null;
            }
            GrizzlyProxyRouter router = new GrizzlyProxyRouter(web, proxy, prefix);
            set.invoke(contextMapper, router);
            return () -> {
                lock.writeLock().lock();
                try {
                    if (get.invoke(contextMapper) == router) {
                        set.invoke(contextMapper, web);
                    }
                } finally {
                    lock.writeLock().unlock();
                }
            };
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Payara's Grizzly service: the {@code RequestDispatcher} in the server's service locator. */
    private static Object grizzlyService() throws ReflectiveOperationException {
        Object locator = serverClass("org.glassfish.internal.api.Globals").getMethod("getDefaultHabitat").invoke(null);
        Class<?> dispatcherType = serverClass("org.glassfish.api.container.RequestDispatcher");
        Object service = invoke(locator.getClass().getMethod("getService", Class.class, Annotation[].class),
                locator, dispatcherType, new Annotation[0]);
        if (service == null) {
            throw new ClassNotFoundException("no RequestDispatcher service");
        }
        return service;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }

    /** A class of the server's: seen from the application (Payara Micro) or from Grizzly's own loader. */
    private static Class<?> serverClass(String name) throws ClassNotFoundException {
        try {
            return Class.forName(name, true, GrizzlyFrontDoor.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Class.forName(name, true, HttpHandler.class.getClassLoader());
        }
    }

    private static Object invoke(Method m, Object target, Object... args) throws ReflectiveOperationException {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new ReflectiveOperationException(m.getName() + " failed: " + cause, cause);
        }
    }
}
