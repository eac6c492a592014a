package dev.backfillfleet.testing.emulators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The official Cloud Pub/Sub emulator, started once per JVM on a free 127.0.0.1 port. Tests use
 * fresh topic and subscription names instead of resetting it.
 */
public final class PubSubEmulator
{
    public static final Path BINARY = Path.of(System.getProperty("pubsub.emulator.binary",
            "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator"));

    private final EmulatorProcess process;

    private PubSubEmulator(EmulatorProcess process)
    {
        this.process = process;
    }

    public static EmulatorAvailability<PubSubEmulator> shared()
    {
        return Holder.INSTANCE;
    }

    public String hostAndPort()
    {
        return process.hostAndPort();
    }

    private static final class Holder
    {
        static final EmulatorAvailability<PubSubEmulator> INSTANCE = start();

        private static EmulatorAvailability<PubSubEmulator> start()
        {
            if (!Files.isExecutable(BINARY)) {
                return EmulatorAvailability.missing("pubsub emulator not found at " + BINARY + " (install google-cloud-cli-pubsub-emulator)");
            }
            // the port accepting connections is the readiness signal: the emulator binds it last
            return EmulatorAvailability.attempt(() -> new PubSubEmulator(EmulatorProcess.start("pubsub-emulator",
                    List.of(BINARY.toString(), "--host=127.0.0.1", "--port={port}"),
                    Duration.ofSeconds(60),
                    hostAndPort -> true)), "pubsub emulator at " + BINARY);
        }
    }
}
