package io.gptload.shared.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces the {@link GatewayConfig} once, from MicroProfile Config (environment, system properties). */
@ApplicationScoped
public class GatewayConfigProducer {

    @Produces
    @Singleton
    GatewayConfig gatewayConfig() {
        var config = ConfigProvider.getConfig();
        return GatewayConfig.read(new ConfigLookup(name -> config.getOptionalValue(name, String.class)));
    }
}
