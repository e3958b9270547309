package org.jboss.weld.proxy;

import jakarta.enterprise.inject.spi.Bean;

/**
 * Test stand-in with the name and shape of Weld's client-proxy interface (Weld itself is only in
 * the application server), so that DirectBeansTest can build a client proxy the way Weld does.
 */
public interface WeldClientProxy {

    Metadata getMetadata();

    interface Metadata {

        Bean<?> getBean();

        Object getContextualInstance();
    }
}
