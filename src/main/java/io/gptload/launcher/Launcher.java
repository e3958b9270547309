package io.gptload.launcher;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code gpt-load.jar}: reads {@code ./.env} (a real environment variable wins),
 * refuses to start without {@code AUTH_KEY}, prepares Payara Micro's options and boots it in this
 * process, then exits non-zero when the application did not deploy. Once deployed, SIGTERM and
 * SIGINT drain running requests before the process exits ({@link GracefulShutdown}).
 *
 * <p>Exit codes: 0 normal, 1 boot failure, 2 configuration error, 3 application not deployed,
 * 4 the HTTP listener does not accept connections (its port was taken by another process).
 */
public final class Launcher {

    static final String APP_NAME = "ROOT";
    private static final String PAYARA_LAUNCHER = "fish.payara.micro.boot.PayaraMicroLauncher";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String givenZone = System.getProperty("user.timezone"); // before anything reads the default zone
        if (args.length > 0 && !args[0].startsWith("-")) {
            System.exit(Subcommands.run(args));
        }
        Map<String, String> dotEnv = DotEnv.read(Path.of(".env"));
        LaunchSettings settings = LaunchSettings.resolve(System.getenv(), dotEnv);
        settings.exportDotEnvOnly(dotEnv);
        String problem = settings.problem();
        if (problem != null) {
            System.err.println("gpt-load: " + problem);
            System.exit(2);
        }
        String zoneProblem = LocalTimeZone.apply(System.getenv(), dotEnv, givenZone);
        if (zoneProblem != null) {
            System.err.println("gpt-load: " + zoneProblem);
        }
        OutboundTlsStores.keep(); // before Payara Micro replaces the JVM's trust store with its own
        List<String> payaraArgs = payaraArgs(settings, LogSettings.resolve(System.getenv(), dotEnv), args);
        Object boot;
        try {
            Method create = Class.forName(PAYARA_LAUNCHER).getMethod("create", String[].class);
            boot = create.invoke(null, (Object) payaraArgs.toArray(String[]::new));
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            System.err.println("gpt-load: Payara Micro failed to boot: " + cause);
            System.exit(1);
            return;
        }
        checkDeployed(boot);
        checkListening(boot, settings);
        GracefulShutdown.install();
    }

    private static List<String> payaraArgs(LaunchSettings settings, LogSettings logs, String[] userArgs)
            throws IOException {
        List<String> out = new ArrayList<>(List.of(
                "--port", Integer.toString(settings.port()),
                // no Hazelcast at all: every timer is non-persistent, the cluster's state is in Redis;
                // starts 2.5 s sooner and 40 MiB smaller than --nocluster, and nothing listens on 6900
                "--nohazelcast", "--disablephonehome",
                "--prebootcommandfile", preBootFile(settings).toString()));
        Path logging = LoggingProperties.write(Launcher.class.getClassLoader(), logs);
        if (logging != null) {
            out.add("--logproperties");
            out.add(logging.toString());
        }
        out.addAll(Arrays.asList(userArgs));
        return out;
    }

    private static Path preBootFile(LaunchSettings settings) throws IOException {
        Path file = Files.createTempFile("gpt-load-preboot", ".asadmin");
        file.toFile().deleteOnExit();
        Files.writeString(file, String.join("\n", settings.preBootCommands()) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Payara Micro logs "ready" even when its HTTP listener could not bind (another process took
     * the port between its check and the bind): a gateway that serves nothing must not look up.
     */
    private static void checkListening(Object boot, LaunchSettings settings) {
        if (ListenerProbe.answers(settings.host(), settings.port(), java.time.Duration.ofSeconds(10))) {
            return;
        }
        System.err.println("gpt-load: GET /health on " + settings.host() + ":" + settings.port()
                + " does not answer (is the port used by another process?); shutting down");
        try {
            Object runtime = boot.getClass().getMethod("getRuntime").invoke(boot);
            runtime.getClass().getMethod("shutdown").invoke(runtime);
        } catch (ReflectiveOperationException | RuntimeException ignored) {
            // exiting anyway
        }
        System.exit(4);
    }

    private static void checkDeployed(Object boot) {
        try {
            Object runtime = boot.getClass().getMethod("getRuntime").invoke(boot);
            Collection<?> deployed = (Collection<?>) runtime.getClass()
                    .getMethod("getDeployedApplicationNames").invoke(runtime);
            if (deployed == null || !deployed.contains(APP_NAME)) {
                System.err.println("gpt-load: application failed to deploy (deployed: " + deployed
                        + "); see the log above; shutting down");
                runtime.getClass().getMethod("shutdown").invoke(runtime);
                System.exit(3);
            }
        } catch (ReflectiveOperationException e) {
            System.err.println("gpt-load: cannot check the deployment: " + e);
        }
    }
}
