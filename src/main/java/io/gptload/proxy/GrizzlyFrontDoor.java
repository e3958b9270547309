package io.gptload.proxy;

import io.gptload.shared.http.CorsPolicy;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import org.glassfish.grizzly.IOStrategy;
import org.glassfish.grizzly.Transport;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.ssl.SSLBaseFilter;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;

/**
 * Puts {@link GrizzlyProxyRouter} in front of the server on Payara's HTTP listeners. With one
 * application deployed (Payara Micro, the uber-jar), each listener's HTTP filter hands every
 * request to the server's {@code ContainerMapper}, which maps it to the web container; the router
 * takes the mapper's place, sends {@code /proxy} to the proxy's own handler and every other
 * request to the mapper, which maps it exactly as before.
 * <p>
 * The listener then runs its filter chain (reading, HTTP parsing) on its selector thread instead
 * of handing every request to a worker thread first: the router sends a proxied request from
 * there straight to a relay virtual thread, where the whole exchange runs, and every other
 * request to the worker pool, as before. A proxied request so costs one thread hand-off instead
 * of two (selector, worker, virtual thread). A listener that speaks TLS keeps its worker threads
 * for everything (handshakes must not run on the selector).
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
    static AutoCloseable register(String prefix, ProxyFrontDoor.GateEntry gate, CorsPolicy cors, Executor proxyThreads)
            throws ReflectiveOperationException {
        Object grizzlyService = grizzlyService();
        GrizzlyProxyHandler proxy = new GrizzlyProxyHandler(gate, cors);
        List<AutoCloseable> undo = new ArrayList<>();
        AutoCloseable restore = () -> {
            for (AutoCloseable u : undo.reversed()) {
                u.close();
            }
        };
        StringBuilder seen = new StringBuilder();
        try {
            for (Object networkProxy : List.copyOf((Collection<?>) field(grizzlyService, "proxies"))) {
                Object listener = networkProxy.getClass().getMethod("getUnderlyingListener").invoke(networkProxy);
                if (listener != null) {
                    seen.append(' ').append(listener.getClass().getMethod("getName").invoke(listener)).append(':');
                    join(listener, prefix, proxy, proxyThreads, undo, seen);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            closeQuietly(restore);
            throw e;
        }
        if (undo.isEmpty()) {
            throw new IllegalStateException("no listener to join;" + (seen.isEmpty() ? " none found" : seen));
        }
        return restore;
    }

    /**
     * Puts a router before each container mapper of {@code listener} and, unless it speaks TLS,
     * runs its filter chain on its selector.
     */
    private static void join(Object listener, String prefix, GrizzlyProxyHandler proxy, Executor proxyThreads,
                             List<AutoCloseable> undo, StringBuilder seen) throws ReflectiveOperationException {
        Transport transport = (Transport) listener.getClass().getMethod("getTransport").invoke(listener);
        Executor workers = transport.getWorkerThreadPool();
        // TLS work (handshakes) would run on the selector too: a secure listener keeps its strategy
        boolean onSelector = workers != null && filters(listener, SSLBaseFilter.class).isEmpty();
        for (Object f : filters(listener, HttpServerFilter.class)) {
            HttpServerFilter filter = (HttpServerFilter) f;
            HttpHandler mapper = filter.getHttpHandler();
            if (mapper == null || !mapper.getClass().getName().equals(CONTAINER_MAPPER)) {
                seen.append(" other handler");
                continue;
            }
            if ((Boolean) field(mapper, "mapMultipleAdapter")) {
                seen.append(" shared by several applications");
                continue;
            }
            GrizzlyProxyRouter router = new GrizzlyProxyRouter(mapper, proxy, prefix, proxyThreads,
                    workers != null ? workers : Runnable::run);
            copyField(HttpHandler.class, "decodeURL", mapper, router);
            filter.setHttpHandler(router);
            undo.add(() -> {
                if (filter.getHttpHandler() == router) {
                    filter.setHttpHandler(mapper);
                }
            });
            if (onSelector) {
                IOStrategy before = transport.getIOStrategy();
                transport.setIOStrategy(SameThreadIOStrategy.getInstance());
                undo.add(() -> transport.setIOStrategy(before));
            }
        }
    }

    /** The listener's filters of {@code type} (GenericGrizzlyListener.getFilters). */
    private static List<?> filters(Object listener, Class<?> type) throws ReflectiveOperationException {
        return (List<?>) listener.getClass().getMethod("getFilters", Class.class).invoke(listener, type);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // restoring what could be restored
        }
    }

    private static void copyField(Class<?> owner, String name, Object from, Object to) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        f.set(to, f.get(from));
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
