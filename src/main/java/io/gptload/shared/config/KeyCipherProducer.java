package io.gptload.shared.config;

import io.gptload.shared.KeyCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the one {@link KeyCipher} from {@code ENCRYPTION_KEY} (its key derivation runs once). */
@ApplicationScoped
public class KeyCipherProducer {

    @Produces
    @Singleton
    KeyCipher keyCipher(GatewayConfig config) {
        return KeyCipher.of(config.security().encryptionKey());
    }
}
