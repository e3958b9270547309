package io.gptload.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the launcher needs from the environment, {@code .env} and system properties, in that
 * order of precedence: a real environment variable beats a system property, which beats
 * {@code .env}.
 */
record LaunchSettings(String host, int port, String authKey, String portError) {

    static final int DEFAULT_PORT = 3001;

    static LaunchSettings resolve(Map<String, String> env, Map<String, String> dotEnv) {
        String host = lookup("HOST", env, dotEnv, "0.0.0.0");
        String portText = lookup("PORT", env, dotEnv, Integer.toString(DEFAULT_PORT));
        String authKey = lookup("AUTH_KEY", env, dotEnv, "");
        int port = DEFAULT_PORT;
        String portError = null;
        try {
            port = Integer.parseInt(portText.strip());
            if (port < 1 || port > 65535) {
                portError = "PORT must be between 1 and 65535, got " + port;
            }
        } catch (NumberFormatException e) {
            portError = "PORT must be a number, got '" + portText + "'";
        }
        return new LaunchSettings(host.isBlank() ? "0.0.0.0" : host.strip(), port, authKey.strip(), portError);
    }

    /** One setting: the environment, then a system property, then {@code .env}, then {@code dflt}. */
    static String lookup(String name, Map<String, String> env, Map<String, String> dotEnv, String dflt) {
        String v = env.get(name);
        if (v == null) {
            v = System.getProperty(name);
        }
        if (v == null) {
            v = dotEnv.get(name);
        }
        return v == null ? dflt : v;
    }

    /** A one-line reason not to start, or null. */
    String problem() {
        if (authKey.isEmpty()) {
            return "AUTH_KEY is not set (set it in the environment or in ./.env, see .env.example); refusing to start";
        }
        return portError;
    }

    /** Values found only in .env become system properties, so MicroProfile Config sees them. */
    void exportDotEnvOnly(Map<String, String> dotEnv) {
        dotEnv.forEach((k, v) -> {
            if (System.getenv(k) == null && System.getProperty(k) == null) {
                System.setProperty(k, v);
            }
        });
    }

    List<String> preBootCommands() {
        List<String> cmds = new ArrayList<>();
        cmds.add("set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=" + host);
        cmds.add("set-microprofile-healthcheck-configuration --endpoint=healthz");
        cmds.add("set resources.managed-executor-service.concurrent/__defaultManagedExecutorService"
                + ".maximum-pool-size=1000");
        return cmds;
    }
}
