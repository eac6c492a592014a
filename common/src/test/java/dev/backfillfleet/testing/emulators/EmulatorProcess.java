package dev.backfillfleet.testing.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;


/**
 * One official emulator running as a child process on a free 127.0.0.1 port, started once per
 * JVM and destroyed (with its descendants) when the JVM exits. Output goes to a log file under
 * {@code target/emulators/} (or a directory the caller names) so that a failed start can be
 * diagnosed. The benchmark harness starts its emulators with it too.
 */
public final class EmulatorProcess
{
    // the emulators are JVMs too; keep them small on a shared 2-core machine
    private static final String SMALL_JVM = "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k";

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private EmulatorProcess(String name, Process process, int port, Path log)
    {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code command} (in which {@code {port}} stands for the chosen port) and waits until
     * the port accepts connections and {@code ready} holds.
     */
    public static EmulatorProcess start(String name, List<String> command, Duration timeout, ReadinessCheck ready)
    {
        return start(name, command, timeout, ready, Path.of("target", "emulators"));
    }

    /** {@link #start(String, List, Duration, ReadinessCheck)} with its log under {@code logDirectory}. */
    public static EmulatorProcess start(String name, List<String> command, Duration timeout, ReadinessCheck ready, Path logDirectory)
    {
        int port = freePort();
        List<String> resolved = new ArrayList<>();
        for (String part : command) {
            resolved.add(part.replace("{port}", Integer.toString(port)));
        }
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + "-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(resolved)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("JAVA_TOOL_OPTIONS", SMALL_JVM);
            // never let an emulator phone home or pick up a developer's cloud settings
            environment.remove("GOOGLE_APPLICATION_CREDENTIALS");
            environment.put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true");
            Process process = builder.start();
            EmulatorProcess emulator = new EmulatorProcess(name, process, port, log);
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::stop, name + "-stopper"));
            emulator.awaitReady(timeout, ready);
            return emulator;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + resolved, e);
        }
    }

    private void awaitReady(Duration timeout, ReadinessCheck ready)
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        BooleanSupplier portOpen = () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            }
            catch (IOException e) {
                return false;
            }
        };
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log.toAbsolutePath());
            }
            if (portOpen.getAsBoolean() && ready.isReady(hostAndPort())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log.toAbsolutePath());
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
        }
    }

    public String hostAndPort()
    {
        return "127.0.0.1:" + port;
    }

    public String name()
    {
        return name;
    }

    public void stop()
    {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    @FunctionalInterface
    public interface ReadinessCheck
    {
        boolean isReady(String hostAndPort);
    }

}
