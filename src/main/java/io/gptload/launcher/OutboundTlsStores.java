package io.gptload.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the TLS stores the JVM was started with for the gateway's outbound connections
 * (upstreams, Redis). Payara Micro points {@code javax.net.ssl.trustStore} and {@code keyStore} at
 * its own bundled stores while it boots and makes the JVM's default TLS context from them; its
 * trust store lacks current roots (Google Trust Services' among them) and whatever an operator
 * added to the JDK's. So before the boot the launcher copies every {@code javax.net.ssl.trustStore*}
 * and {@code keyStore*} property given to the JVM into {@code gptload.outbound.*} (unless that one
 * is set already), and when no trust store was given, names the one the JDK would use
 * ({@code jssecacerts}, else {@code cacerts}). {@code shared.config.OutboundTls} reads them.
 */
final class OutboundTlsStores {

    static final String PREFIX = "gptload.outbound.";
    static final List<String> PROPERTIES = List.of("trustStore", "trustStorePassword", "trustStoreType",
            "trustStoreProvider", "keyStore", "keyStorePassword", "keyStoreType", "keyStoreProvider");

    private OutboundTlsStores() {
    }

    static void keep() {
        for (String name : PROPERTIES) {
            String given = System.getProperty("javax.net.ssl." + name);
            if (given != null && System.getProperty(PREFIX + name) == null) {
                System.setProperty(PREFIX + name, given);
            }
        }
        if (System.getProperty(PREFIX + "trustStore", "").isBlank()) {
            Path security = Path.of(System.getProperty("java.home"), "lib", "security");
            Path jsse = security.resolve("jssecacerts");
            System.setProperty(PREFIX + "trustStore",
                    (Files.isRegularFile(jsse) ? jsse : security.resolve("cacerts")).toString());
        }
    }
}
