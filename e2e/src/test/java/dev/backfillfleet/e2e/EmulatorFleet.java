package dev.backfillfleet.e2e;

import dev.backfillfleet.firestore.FirestoreStateStorage;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.PubSubEmulator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Worker and coordinator processes of one test on the Pub/Sub and Firestore emulators: a topic,
 * its subscriptions and a collection of the test's own (named after it and this JVM), so that
 * tests sharing the emulators never see each other's messages or dates.
 */
record EmulatorFleet(String pubSubHost, String firestoreHost, String project, String topic, String collection)
{
    /**
     * The fleet of {@code test}, or the test skipped (saying which emulator is missing); a line on
     * standard output says which emulators it ran against, for the CI summary.
     */
    static EmulatorFleet require(String test, String project, String name)
    {
        EmulatorAvailability<PubSubEmulator> pubSub = PubSubEmulator.shared();
        EmulatorAvailability<FirestoreEmulator> firestore = FirestoreEmulator.shared();
        if (pubSub.emulator().isEmpty() || firestore.emulator().isEmpty()) {
            String reason = pubSub.emulator().isEmpty() ? pubSub.unavailableReason() : firestore.unavailableReason();
            System.out.println("e2e: " + test + " SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        String pubSubHost = pubSub.emulator().get().hostAndPort();
        String firestoreHost = firestore.emulator().get().hostAndPort();
        System.out.println("e2e: " + test + " ran against pubsub-emulator " + pubSubHost + " and firestore-emulator " + firestoreHost);
        String suffix = Long.toString(ProcessHandle.current().pid());
        return new EmulatorFleet(pubSubHost, firestoreHost, project, "backfill-" + name + "-" + suffix, name + "_" + suffix);
    }

    /** The environment of a process of this fleet with its home at {@code home}: add to it what the test needs. */
    Map<String, String> environment(Path home)
    {
        Map<String, String> environment = new HashMap<>(Map.of(
                "PUBSUB_EMULATOR_HOST", pubSubHost,
                "FIRESTORE_EMULATOR_HOST", firestoreHost,
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_QUEUE", "pubsub",
                "BACKFILL_STATE", "firestore",
                "BACKFILL_GCP_PROJECT", project,
                "BACKFILL_PUBSUB_TOPIC", topic,
                "BACKFILL_PUBSUB_SUBSCRIPTION", topic + "-workers",
                "BACKFILL_PUBSUB_DEAD_LETTER_TOPIC", topic + "-dead-letters",
                "BACKFILL_PUBSUB_DEAD_LETTER_SUBSCRIPTION", topic + "-dead-letters-handler"));
        environment.put("BACKFILL_FIRESTORE_COLLECTION", collection);
        return environment;
    }

    /** The fleet's state store, as the test reads it. */
    TransitioningStateStore stateStore()
    {
        return new TransitioningStateStore(FirestoreStateStorage.create(
                FirestoreStateStoreSettings.of(project).withCollection(collection).withEmulatorHost(firestoreHost), Clock.systemUTC()));
    }
}
