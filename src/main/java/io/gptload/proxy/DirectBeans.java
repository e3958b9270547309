package io.gptload.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bean instance behind a CDI client proxy, for the data plane's few application-scoped
 * collaborators. Every call through a client proxy looks the instance up in its context again (in
 * Weld: the container by class loader, then the context's map), a few microseconds per request
 * spread over a dozen calls; an application-scoped instance is the same object for the
 * application's whole life, so the proxy can be skipped once it is resolved. Interceptors stay: Weld
 * applies them in the instance's own subclass. Anything that is not a Weld client proxy of an
 * application-scoped bean (another CDI implementation, a plain object in a unit test) is returned
 * unchanged.
 */
final class DirectBeans {

    private static final Logger LOG = Logger.getLogger("io.gptload.proxy");
    private static final String WELD_CLIENT_PROXY = "org.jboss.weld.proxy.WeldClientProxy";

    private DirectBeans() {
    }

    static <T> T of(T bean, Class<T> type) {
        for (Class<?> face : bean.getClass().getInterfaces()) {
            if (WELD_CLIENT_PROXY.equals(face.getName())) {
                return unwrap(bean, type, face);
            }
        }
        return bean;
    }

    private static <T> T unwrap(T bean, Class<T> type, Class<?> clientProxy) {
        try {
            Method getMetadata = clientProxy.getMethod("getMetadata");
            Object metadata = getMetadata.invoke(bean);
            Class<?> metadataType = getMetadata.getReturnType();
            Object definition = metadataType.getMethod("getBean").invoke(metadata);
            if (!(definition instanceof Bean<?> b) || b.getScope() != ApplicationScoped.class) {
                return bean;
            }
            Object instance = metadataType.getMethod("getContextualInstance").invoke(metadata);
            return type.isInstance(instance) ? type.cast(instance) : bean;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "{0} stays behind its client proxy: {1}", new Object[] {type.getSimpleName(), e});
            return bean;
        }
    }
}
