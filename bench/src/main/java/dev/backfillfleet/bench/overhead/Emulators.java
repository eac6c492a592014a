package dev.backfillfleet.bench.overhead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official Pub/Sub and Firestore emulators on free 127.0.0.1 ports, started as
 * {@code bin/bench-emulators} starts them (small JVMs), and the environment that points the
 * fleet's adapters at them.
 */
public final class Emulators
        implements AutoCloseable
{
    public static final Path PUBSUB = Path.of("/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator");
    public static final Path FIRESTORE = Path.of("/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator");
    private static final String SMALL_JVM = "-Xmx256m -XX:+UseSerialGC";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process pubSub;
    private final Process firestore;
    private final int pubSubPort;
    private final int firestorePort;

    private Emulators(Process pubSub, int pubSubPort, Process firestore, int firestorePort)
    {
        this.pubSub = pubSub;
        this.pubSubPort = pubSubPort;
        this.firestore = firestore;
        this.firestorePort = firestorePort;
    }

    /** Why the emulators cannot run here, if they cannot. */
    public static Optional<String> missing()
    {
        for (Path binary : List.of(PUBSUB, FIRESTORE)) {
            if (!Files.isExecutable(binary)) {
                return Optional.of(binary + " is not installed");
            }
        }
        return Optional.empty();
    }

    public static Emulators start(Path logs)
            throws InterruptedException
    {
        int pubSubPort = freePort();
        int firestorePort = freePort();
        Process pubSub = launch(List.of(PUBSUB.toString(), "--host=127.0.0.1", "--port=" + pubSubPort), logs.resolve("pubsub-emulator.log"));
        Process firestore = launch(List.of(FIRESTORE.toString(), "start", "--host=127.0.0.1", "--port=" + firestorePort), logs.resolve("firestore-emulator.log"));
        Emulators emulators = new Emulators(pubSub, pubSubPort, firestore, firestorePort);
        try {
            emulators.awaitReady();
            return emulators;
        }
        catch (RuntimeException | InterruptedException e) {
            emulators.close();
            throw e;
        }
    }

    /** The variables and settings that select Pub/Sub and Firestore on the emulators (the warehouse stays embedded). */
    public Map<String, String> environment()
    {
        return Map.of(
                "PUBSUB_EMULATOR_HOST", "127.0.0.1:" + pubSubPort,
                "FIRESTORE_EMULATOR_HOST", "127.0.0.1:" + firestorePort,
                "BACKFILL_GCP_PROJECT", "bench-emulators",
                "BACKFILL_QUEUE", "pubsub",
                "BACKFILL_STATE", "firestore",
                "BACKFILL_PUBSUB_PULL_MODE", "unary");
    }

    @Override
    public void close()
    {
        for (Process process : List.of(pubSub, firestore)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        for (Process process : List.of(pubSub, firestore)) {
            try {
                process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Process launch(List<String> command, Path log)
    {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_TOOL_OPTIONS", SMALL_JVM);
        builder.environment().put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true");
        builder.environment().remove("GOOGLE_APPLICATION_CREDENTIALS");
        try {
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private void awaitReady()
            throws InterruptedException
    {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (!(accepts(pubSubPort) && firestoreAnswers(http))) {
            if (!pubSub.isAlive() || !firestore.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the emulators did not start within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    private boolean firestoreAnswers(HttpClient http)
            throws InterruptedException
    {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + firestorePort + "/")).timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static boolean accepts(int port)
    {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
