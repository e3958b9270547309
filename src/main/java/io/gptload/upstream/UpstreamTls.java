package io.gptload.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of every upstream connection. When the uber-jar's launcher recorded the trust
 * store the JVM was started with ({@code gptload.upstream.trustStore}: the one given with
 * {@code -Djavax.net.ssl.trustStore}, else the JDK's), upstream certificates are checked against
 * it; Payara Micro's own bundled store, which it makes the JVM's default while it boots, is not
 * used. Without that property (the WAR on another server) the server's default context applies.
 */
public final class UpstreamTls {

    static final String STORE = "gptload.upstream.trustStore";
    static final String PASSWORD = "gptload.upstream.trustStorePassword";
    static final String TYPE = "gptload.upstream.trustStoreType";
    private static final Logger LOG = Logger.getLogger(UpstreamTls.class.getName());

    private UpstreamTls() {
    }

    /** The context from the system properties; the server's default when none is recorded or it cannot be read. */
    public static SSLContext context() {
        return context(System::getProperty);
    }

    static SSLContext context(UnaryOperator<String> properties) {
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
            LOG.info("Upstream TLS trusts the " + trusted.size() + " entries of " + store);
            return ctx;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warning("Upstream TLS: the trust store " + store + " cannot be used (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); upstream certificates are checked against the server's default trust store");
            return serverDefault();
        }
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

    private static SSLContext serverDefault() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }
}
