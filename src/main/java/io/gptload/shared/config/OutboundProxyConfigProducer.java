package io.gptload.shared.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces the {@link OutboundProxyConfig} once, from MicroProfile Config (environment, system properties). */
@ApplicationScoped
public class OutboundProxyConfigProducer {

    @Produces
    @Singleton
    OutboundProxyConfig outboundProxyConfig() {
        var config = ConfigProvider.getConfig();
        return OutboundProxyConfig.read(new ConfigLookup(name -> config.getOptionalValue(name, String.class)));
    }
}
