package dev.backfillfleet.testing.emulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The official Cloud Firestore emulator, started once per JVM on a free 127.0.0.1 port.
 * {@link #shared()} tells why it is unavailable when the binary is absent.
 */
public final class FirestoreEmulator
{
    public static final Path BINARY = Path.of(System.getProperty("firestore.emulator.binary",
            "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud_firestore_emulator"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final EmulatorProcess process;

    private FirestoreEmulator(EmulatorProcess process)
    {
        this.process = process;
    }

    public static EmulatorAvailability<FirestoreEmulator> shared()
    {
        return Holder.INSTANCE;
    }

    public String hostAndPort()
    {
        return process.hostAndPort();
    }

    /** Deletes every document of {@code projectId}'s default database. */
    public void reset(String projectId)
    {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostAndPort() + "/emulator/v1/projects/" + projectId + "/databases/(default)/documents"))
                .DELETE()
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("firestore emulator reset answered " + response.statusCode() + ": " + response.body());
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("firestore emulator reset failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted resetting the firestore emulator", e);
        }
    }

    /** Readiness: the emulator answers HTTP on its port (it accepts connections before it serves). */
    public static boolean answers(String hostAndPort)
    {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + hostAndPort + "/")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final class Holder
    {
        static final EmulatorAvailability<FirestoreEmulator> INSTANCE = start();

        private static EmulatorAvailability<FirestoreEmulator> start()
        {
            if (!Files.isExecutable(BINARY)) {
                return EmulatorAvailability.missing("firestore emulator not found at " + BINARY + " (install google-cloud-cli-firestore-emulator)");
            }
            return EmulatorAvailability.attempt(() -> new FirestoreEmulator(EmulatorProcess.start("firestore-emulator",
                    List.of(BINARY.toString(), "start", "--host=127.0.0.1", "--port={port}"),
                    Duration.ofSeconds(60),
                    FirestoreEmulator::answers)), "firestore emulator at " + BINARY);
        }
    }
}
