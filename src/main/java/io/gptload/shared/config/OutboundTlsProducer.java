package io.gptload.shared.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the {@link OutboundTls} once, from the system properties the launcher recorded. */
@ApplicationScoped
public class OutboundTlsProducer {

    @Produces
    @Singleton
    OutboundTls outboundTls() {
        return OutboundTls.read(System::getProperty);
    }
}
