package io.gptload.proxy;

import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.Test;

class DirectBeansTest {

    static class Service {
        String name() {
            return "instance";
        }
    }

    /** What Weld generates: a subclass of the bean class that also implements WeldClientProxy. */
    static final class ClientProxy extends Service implements WeldClientProxy {
        private final Metadata metadata;

        ClientProxy(Class<? extends Annotation> scope, Object instance) {
            Bean<?> bean = (Bean<?>) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bean.class},
                    (p, m, a) -> m.getName().equals("getScope") ? scope : null);
            this.metadata = new Metadata() {
                @Override
                public Bean<?> getBean() {
                    return bean;
                }

                @Override
                public Object getContextualInstance() {
                    return instance;
                }
            };
        }

        @Override
        public Metadata getMetadata() {
            return metadata;
        }
    }

    @Test
    void anApplicationScopedClientProxyGivesWayToItsInstance() {
        Service instance = new Service();
        assertSame(instance, DirectBeans.of(new ClientProxy(ApplicationScoped.class, instance), Service.class));
    }

    @Test
    void otherScopesKeepTheirProxy() {
        ClientProxy proxy = new ClientProxy(RequestScoped.class, new Service());
        assertSame(proxy, DirectBeans.of(proxy, Service.class));
    }

    @Test
    void aPlainObjectIsReturnedAsItIs() {
        Service plain = new Service();
        assertSame(plain, DirectBeans.of(plain, Service.class));
    }

    @Test
    void anInstanceOfAnotherTypeKeepsTheProxy() {
        ClientProxy proxy = new ClientProxy(ApplicationScoped.class, "not a service");
        assertSame(proxy, DirectBeans.of(proxy, Service.class));
    }
}
