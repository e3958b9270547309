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
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the gateway's own outbound connections: upstreams (both clients) and Redis.
 * It is built from the stores the uber-jar's launcher recorded ({@code gptload.outbound.*}: the
 * {@code javax.net.ssl.trustStore*} and {@code keyStore*} given to the JVM, else the JDK's
 * {@code jssecacerts}/{@code cacerts} as trust store), not from the bundled stores Payara Micro
 * makes the JVM's default while it boots. Without them (the WAR on another server) the server's
 * default context applies.
 */
public final class OutboundTls {

    public static final String STORE = "gptload.outbound.trustStore";
    public static final String PASSWORD = "gptload.outbound.trustStorePassword";
    public static final String TYPE = "gptload.outbound.trustStoreType";
    public static final String PROVIDER = "gptload.outbound.trustStoreProvider";
    public static final String KEY_STORE = "gptload.outbound.keyStore";
    public static final String KEY_PASSWORD = "gptload.outbound.keyStorePassword";
    public static final String KEY_TYPE = "gptload.outbound.keyStoreType";
    public static final String KEY_PROVIDER = "gptload.outbound.keyStoreProvider";
    private static final Logger LOG = Logger.getLogger(OutboundTls.class.getName());

    private final SSLContext context;

    private OutboundTls(SSLContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The server's default context (as without recorded stores). */
    public static OutboundTls serverDefault() {
        try {
            return new OutboundTls(SSLContext.getDefault());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no default TLS context", e);
        }
    }

    /**
     * The context from the stores recorded in {@code properties} (system properties in
     * production); the server's default when none is recorded or one cannot be used (with a
     * warning naming the file, never a password).
     */
    public static OutboundTls read(UnaryOperator<String> properties) {
        String trustFile = properties.apply(STORE);
        String keyFile = properties.apply(KEY_STORE);
        if (blank(trustFile) && blank(keyFile)) {
            return serverDefault();
        }
        String current = trustFile;
        try {
            KeyStore trusted = blank(trustFile) ? null : load(trustFile, properties.apply(TYPE),
                    properties.apply(PROVIDER), properties.apply(PASSWORD));
            if (trusted != null && trusted.size() == 0) {
                throw new KeyStoreException("it holds no trusted certificate (a password missing,"
                        + " or entries not marked as trusted)");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            current = keyFile;
            KeyManager[] keys = blank(keyFile) ? null : keyManagers(load(keyFile, properties.apply(KEY_TYPE),
                    properties.apply(KEY_PROVIDER), properties.apply(KEY_PASSWORD)), properties.apply(KEY_PASSWORD));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, tmf.getTrustManagers(), null);
            LOG.info("Outbound TLS (upstreams, Redis) trusts " + (trusted == null ? "the JVM's default trust store"
                    : "the " + trusted.size() + " entries of " + trustFile)
                    + (keys == null ? "" : "; client certificates from " + keyFile));
            return new OutboundTls(ctx);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warning("Outbound TLS: the store " + current + " cannot be used (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + "); outbound connections use the server's default TLS context");
            return serverDefault();
        }
    }

    public SSLContext context() {
        return context;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static KeyManager[] keyManagers(KeyStore ks, String password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password == null ? new char[0] : password.toCharArray());
        return kmf.getKeyManagers();
    }

    /** A store file (PKCS12 or JKS, told by the file unless a type is given), or "NONE" for a token. */
    private static KeyStore load(String location, String type, String provider, String password)
            throws IOException, GeneralSecurityException {
        char[] pw = password == null || password.isEmpty() ? null : password.toCharArray();
        if (!"NONE".equals(location) && blank(type)) {
            return KeyStore.getInstance(Path.of(location).toFile(), pw);
        }
        String t = blank(type) ? "PKCS11" : type;
        KeyStore ks = blank(provider) ? KeyStore.getInstance(t) : KeyStore.getInstance(t, provider);
        if ("NONE".equals(location)) {
            ks.load(null, pw);
        } else {
            try (InputStream in = Files.newInputStream(Path.of(location))) {
                ks.load(in, pw);
            }
        }
        return ks;
    }
}
