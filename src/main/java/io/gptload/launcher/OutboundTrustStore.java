package io.gptload.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps the trust store the JVM was started with for the gateway's outbound connections
 * (upstreams, Redis). Payara Micro points {@code javax.net.ssl.trustStore} at its own bundled
 * store while it boots and builds the JVM's default TLS context from it; that store lacks current
 * roots (Google Trust Services' among them) and whatever an operator added to the JDK's. So before the boot
 * the launcher copies the store the JDK would have used (the one given with
 * {@code -Djavax.net.ssl.trustStore}, else the JDK's {@code jssecacerts} or {@code cacerts}) into
 * {@code gptload.outbound.trustStore*}, which {@code shared.config.OutboundTls} reads.
 */
final class OutboundTrustStore {

    static final String STORE = "gptload.outbound.trustStore";
    static final String PASSWORD = "gptload.outbound.trustStorePassword";
    static final String TYPE = "gptload.outbound.trustStoreType";

    private OutboundTrustStore() {
    }

    /** Records the store once; a value already recorded (given on the command line) wins. */
    static void keep() {
        if (System.getProperty(STORE) != null) {
            return;
        }
        String given = System.getProperty("javax.net.ssl.trustStore", "");
        if (!given.isBlank()) {
            if ("NONE".equals(given)) {
                return; // a PKCS#11 token: the JDK's default context knows how to use it
            }
            System.setProperty(STORE, given);
            copy("javax.net.ssl.trustStorePassword", PASSWORD);
            copy("javax.net.ssl.trustStoreType", TYPE);
            return;
        }
        Path security = Path.of(System.getProperty("java.home"), "lib", "security");
        Path jsse = security.resolve("jssecacerts");
        System.setProperty(STORE, (Files.isRegularFile(jsse) ? jsse : security.resolve("cacerts")).toString());
    }

    private static void copy(String from, String to) {
        String v = System.getProperty(from);
        if (v != null) {
            System.setProperty(to, v);
        }
    }
}
