package io.gptload.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code target/gpt-load.jar}, started the way a user starts it: its own working
 * directory (so {@code ./data} is fresh), configuration from environment variables, a random
 * port on 127.0.0.1. Its output goes to {@code target/it-logs/<name>.log}, which
 * {@link LogHygieneIT} scans for secrets.
 */
public final class Gateway implements AutoCloseable, org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {

    public static final String AUTH_KEY = "it-admin-" + UUID.randomUUID();

    private final String name;
    private final Process process;
    private final int port;
    private final Path workDir;
    private final Path log;

    private Gateway(String name, Process process, int port, Path workDir, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.workDir = workDir;
        this.log = log;
    }

    /** Starts a gateway in a fresh working directory and waits until {@code /health} answers. */
    public static Gateway start(String name, Map<String, String> extraEnv) throws Exception {
        Path logs = logsDir();
        Files.createDirectories(logs);
        return start(name, extraEnv, Files.createTempDirectory(logs, "work-" + name + "-"));
    }

    /**
     * Starts a gateway in the given working directory (e.g. that of a stopped gateway, to restart
     * it on the same {@code ./data}) and waits until {@code /health} answers.
     */
    public static Gateway start(String name, Map<String, String> extraEnv, Path workDir) throws Exception {
        Path jar = Path.of(System.getProperty("gateway.jar", "target/gpt-load.jar")).toAbsolutePath();
        String java = ProcessHandle.current().info().command().orElse("java");
        return launch(name, List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString()), extraEnv,
                workDir, Duration.ofSeconds(180));
    }

    /**
     * Starts another server that serves the gateway's WAR (e.g. OpenLiberty's {@code server run}),
     * configured like the uber-jar through {@code AUTH_KEY}, {@code HOST} and {@code PORT} plus
     * {@code extraEnv}, and waits until {@code /health} answers 200. Its output goes to
     * {@code target/it-logs/<name>.log}; closing it stops the command and everything it started.
     */
    static Gateway startCommand(String name, List<String> command, Map<String, String> extraEnv) throws Exception {
        Path logs = logsDir();
        Files.createDirectories(logs);
        return launch(name, command, extraEnv, Files.createTempDirectory(logs, "work-" + name + "-"),
                Duration.ofSeconds(300));
    }

    /**
     * Runs {@code command} in {@code workDir} on a free port with the test environment and waits
     * for {@code /health}; when the port was taken meanwhile, tries again on another (3 attempts).
     */
    private static Gateway launch(String name, List<String> command, Map<String, String> extraEnv, Path workDir,
                                  Duration timeout) throws Exception {
        Path logs = logsDir();
        Files.createDirectories(logs);
        for (int attempt = 1; ; attempt++) {
            Path log = logs.resolve(attempt == 1 ? name + ".log" : name + "-retry" + attempt + ".log");
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = pb.environment();
            env.remove("DATABASE_DSN");
            env.remove("ENCRYPTION_KEY");
            env.remove("REDIS_DSN");
            env.remove("TZ"); // the machine's zone (a test that needs another gives it, or writes a .env)
            env.put("AUTH_KEY", AUTH_KEY);
            env.put("HOST", "127.0.0.1");
            env.put("PORT", Integer.toString(port));
            env.putAll(extraEnv);
            Gateway gw = new Gateway(name, pb.start(), port, workDir, log);
            try {
                gw.awaitHealthy(timeout);
                return gw;
            } catch (StartToRetry e) {
                // the free port we picked was taken before the server bound it, or Payara's boot race: again
                gw.close();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * OpenLiberty does not exit when its HTTP port is taken: it logs CWWKO0221E and keeps running
     * without a listener. Read as "port taken", so the start is retried on another port.
     */
    private boolean logSaysPortTaken() {
        try {
            return Files.exists(log) && Files.readString(log).contains("CWWKO0221E");
        } catch (IOException e) {
            return false;
        }
    }

    private boolean logSaysBootRace() {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.contains("java.util.ConcurrentModificationException")
                    && text.contains("org.jvnet.hk2.internal.SystemDescriptor.invokeInstanceListeners");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A start to try again: the launcher's exit code 4 (its HTTP listener could not serve on the
     * port), OpenLiberty's port message, or Payara's known boot race (an HK2 service's instance
     * listeners modified while iterated, payara/Payara#6101: the boot fails with a
     * ConcurrentModificationException, rarely; a second start is clean).
     */
    static final class StartToRetry extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StartToRetry(String message) {
            super(message);
        }
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        // HTTP/1.1: the default HTTP/2 upgrade attempt can stall against a booting server and ignore the timeout
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logSaysPortTaken()) {
                throw new StartToRetry("server " + name + " could not listen on port " + port + "; see " + log);
            }
            if (!process.isAlive()) {
                if (process.exitValue() == 4) {
                    throw new StartToRetry("gateway " + name + " could not serve on port " + port + "; see " + log);
                }
                if (process.exitValue() == 1 && logSaysBootRace()) {
                    throw new StartToRetry("gateway " + name + " hit Payara's boot race (payara/Payara#6101); see " + log);
                }
                throw new IllegalStateException("gateway " + name + " exited with " + process.exitValue()
                        + "; see " + log);
            }
            var probe = client.sendAsync(HttpRequest.newBuilder(uri("/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            try {
                HttpResponse<String> r = probe.get(3, java.util.concurrent.TimeUnit.SECONDS);
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
                probe.cancel(true); // still booting: never wait on one probe for longer than 3 s
            }
            Thread.sleep(300);
        }
        dumpThreads();
        close();
        throw new IllegalStateException("gateway " + name + " not healthy within " + timeout + "; see " + log);
    }

    /** Appends a thread dump of a gateway that never became healthy to its log, for the post-mortem. */
    private void dumpThreads() {
        try {
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            // best effort
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path logsDir() {
        return Path.of(System.getProperty("gateway.logs", "target/it-logs")).toAbsolutePath();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    public int port() {
        return port;
    }

    public Path workDir() {
        return workDir;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM (on Linux) and returns at once, as an orchestrator stopping the container does. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end by itself; true when it did within {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The exit code of the ended process. */
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            // 45 s: longer than the gateway's drain and OpenLiberty's 30 s quiesce
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(45, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            children.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Environment for a run on another database. */
    public static Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Every gateway log written so far. */
    public static List<Path> allLogs() throws IOException {
        Path logs = Path.of(System.getProperty("gateway.logs", "target/it-logs")).toAbsolutePath();
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(logs)) {
            try (var s = Files.list(logs)) {
                s.filter(p -> p.toString().endsWith(".log")).forEach(out::add);
            }
        }
        return out;
    }
}
