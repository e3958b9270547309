package io.gptload.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Runs an offline command whose code lives in the WAR: extracts the WAR's {@code WEB-INF/classes}
 * and {@code WEB-INF/lib} plus Payara's H2 driver into a temporary directory, loads them in a class
 * loader of their own and calls the command's
 * {@code static int run(String[], Map, Path, PrintStream, PrintStream)}. The directory is deleted
 * afterwards.
 */
final class WarCommand {

    static final String WAR = "MICRO-INF/deploy/ROOT.war";
    static final String H2 = "MICRO-INF/runtime/h2.jar";

    private WarCommand() {
    }

    /** Runs {@code className} with {@code args}; returns its exit code, or 1 when it cannot be started. */
    static int run(String className, String[] args, Map<String, String> env) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("gpt-load-command");
            List<URL> classpath = extract(WarCommand.class.getClassLoader(), dir);
            try (URLClassLoader loader = new URLClassLoader(classpath.toArray(URL[]::new),
                    ClassLoader.getPlatformClassLoader())) {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                    Method run = loader.loadClass(className).getMethod("run", String[].class, Map.class, Path.class,
                            PrintStream.class, PrintStream.class);
                    return (Integer) run.invoke(null, args, env, Path.of("").toAbsolutePath(), System.out, System.err);
                } finally {
                    thread.setContextClassLoader(previous);
                }
            }
        } catch (InvocationTargetException e) {
            System.err.println("gpt-load: command failed: " + e.getCause());
            return 1;
        } catch (IOException | ReflectiveOperationException e) {
            System.err.println("gpt-load: cannot start the command: " + e);
            return 1;
        } finally {
            deleteTree(dir);
        }
    }

    /** Extracts the WAR's classes and libraries and H2 from {@code source} into {@code dir}; returns the class path. */
    static List<URL> extract(ClassLoader source, Path dir) throws IOException {
        Path war = dir.resolve("ROOT.war");
        if (!copy(source, WAR, war)) {
            throw new IOException(WAR + " not found: run this from the built target/gpt-load.jar");
        }
        Path app = dir.resolve("app").toAbsolutePath().normalize();
        List<URL> urls = new ArrayList<>();
        // created first: a directory URL must end with '/' or the class loader reads it as a jar
        urls.add(Files.createDirectories(app.resolve("WEB-INF/classes")).toUri().toURL());
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !(name.startsWith("WEB-INF/classes/") || name.startsWith("WEB-INF/lib/"))) {
                    continue;
                }
                Path target = app.resolve(name).normalize();
                if (!target.startsWith(app)) {
                    throw new IOException("unsafe entry in the WAR: " + name);
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar") && name.indexOf('/', 12) < 0) {
                    urls.add(target.toUri().toURL());
                }
            }
        }
        Files.delete(war);
        Path h2 = dir.resolve("h2.jar");
        if (copy(source, H2, h2)) {
            urls.add(h2.toUri().toURL());
        }
        return urls;
    }

    private static boolean copy(ClassLoader source, String resource, Path target) throws IOException {
        try (InputStream in = source.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("gpt-load: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
