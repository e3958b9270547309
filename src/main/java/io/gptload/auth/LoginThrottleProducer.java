package io.gptload.auth;

import io.gptload.shared.config.ConfigLookup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces the one {@link LoginThrottle} of the node, shared by {@code /api} and the console. */
@ApplicationScoped
public class LoginThrottleProducer {

    @Produces
    @Singleton
    LoginThrottle loginThrottle() {
        var config = ConfigProvider.getConfig();
        return LoginThrottleConfig.read(new ConfigLookup(name -> config.getOptionalValue(name, String.class))).throttle();
    }
}
