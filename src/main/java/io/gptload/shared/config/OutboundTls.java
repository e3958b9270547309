package io.gptload.shared.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the gateway's own outbound connections: upstreams (both clients) and Redis.
 * When the uber-jar's launcher recorded the trust store the JVM was started with
 * ({@code gptload.outbound.trustStore}: the one given with {@code -Djavax.net.ssl.trustStore},
 * else the JDK's {@code jssecacerts}/{@code cacerts}), certificates are checked against it, not
 * against the bundled store Payara Micro makes the JVM's default while it boots. Without that
 * property (the WAR on another server) the server's default context applies.
 */
public final class OutboundTls {

    public static final String STORE = "gptload.outbound.trustStore";
    public static final String PASSWORD = "gptload.outbound.trustStorePassword";
    public static final String TYPE = "gptload.outbound.trustStoreType";
    private static final Logger LOG = Logger.getLogger(OutboundTls.class.getName());

    private final SSLContext context;

    private OutboundTls(SSLContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The server's default context (as without a recorded store). */
    public static OutboundTls serverDefault() {
        try {
            return new OutboundTls(SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /**
     * The context from the recorded store in {@code properties} (system properties in production);
     * the server's default when none is recorded or it cannot be used (with a warning naming the
     * file, never the password).
     */
    public static OutboundTls read(UnaryOperator<String> properties) {
        String store = properties.apply(STORE);
        if (store == null || store.isBlank()) {
            return serverDefault();
        }
        try {
            KeyStore trusted = load(Path.of(store), properties.apply(TYPE), properties.apply(PASSWORD));
            if (trusted.size() == 0) { // a PKCS12 store read without its password shows no protected entry
                throw new KeyStoreException("it holds no certificate readable without a password"
                        + " (javax.net.ssl.trustStorePassword)");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            LOG.info("Outbound TLS (upstreams, Redis) trusts the " + trusted.size() + " entries of " + store);
            return new OutboundTls(ctx);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warning("Outbound TLS: the trust store " + store + " cannot be used (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); certificates are checked against the server's default trust store");
            return serverDefault();
        }
    }

    public SSLContext context() {
        return context;
    }

    private static KeyStore load(Path file, String type, String password) throws IOException, GeneralSecurityException {
        char[] pw = password == null || password.isEmpty() ? null : password.toCharArray();
        if (type == null || type.isBlank()) {
            return KeyStore.getInstance(file.toFile(), pw); // PKCS12 or JKS, told by the file
        }
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, pw);
        }
        return ks;
    }
}
