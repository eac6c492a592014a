package dev.backfillfleet.bench.overhead;

import dev.backfillfleet.testing.emulators.EmulatorProcess;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.PubSubEmulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official Pub/Sub and Firestore emulators on free 127.0.0.1 ports, started as the test
 * suites start them ({@link EmulatorProcess}, with its logs in the benchmark's work directory),
 * and the environment that points the fleet's adapters at them.
 */
public final class Emulators
        implements AutoCloseable
{
    public static final Path PUBSUB = PubSubEmulator.BINARY;
    public static final Path FIRESTORE = FirestoreEmulator.BINARY;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final EmulatorProcess pubSub;
    private final EmulatorProcess firestore;

    private Emulators(EmulatorProcess pubSub, EmulatorProcess firestore)
    {
        this.pubSub = pubSub;
        this.firestore = firestore;
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
    {
        // the port accepting connections is Pub/Sub's readiness signal: it binds it last
        EmulatorProcess pubSub = EmulatorProcess.start("pubsub-emulator", List.of(PUBSUB.toString(), "--host=127.0.0.1", "--port={port}"),
                START_TIMEOUT, hostAndPort -> true, logs);
        try {
            return new Emulators(pubSub, EmulatorProcess.start("firestore-emulator",
                    List.of(FIRESTORE.toString(), "start", "--host=127.0.0.1", "--port={port}"), START_TIMEOUT, FirestoreEmulator::answers, logs));
        }
        catch (RuntimeException e) {
            pubSub.stop();
            throw e;
        }
    }

    /** The variables and settings that select Pub/Sub and Firestore on the emulators (the warehouse stays embedded). */
    public Map<String, String> environment()
    {
        return Map.of(
                "PUBSUB_EMULATOR_HOST", pubSub.hostAndPort(),
                "FIRESTORE_EMULATOR_HOST", firestore.hostAndPort(),
                "BACKFILL_GCP_PROJECT", "bench-emulators",
                "BACKFILL_QUEUE", "pubsub",
                "BACKFILL_STATE", "firestore",
                "BACKFILL_PUBSUB_PULL_MODE", "unary");
    }

    @Override
    public void close()
    {
        pubSub.stop();
        firestore.stop();
    }
}
