package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.firestore.FirestoreStateStorage;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.standalone.StandaloneMain;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.PubSubEmulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pause and cancel with real processes on the production adapters: Pub/Sub and Firestore on
 * the official emulators (unary pull: the emulator loses messages to closed streaming pulls, see
 * TestEmulatorEndToEnd), the embedded warehouse; two worker JVMs and coordinator JVMs after
 * {@code coordinator setup}. Fewer dates than on the embedded backend: the scenario is the same.
 */
class TestOperatorControlsOnEmulators
{
    private static final String PROJECT = "backfill-fleet-controls";

    @TempDir
    Path home;

    @Test
    void pauseAndCancelWhileTwoWorkersRunOnPubSubAndFirestore()
            throws Exception
    {
        EmulatorAvailability<PubSubEmulator> pubSub = PubSubEmulator.shared();
        EmulatorAvailability<FirestoreEmulator> firestore = FirestoreEmulator.shared();
        if (pubSub.emulator().isEmpty() || firestore.emulator().isEmpty()) {
            String reason = pubSub.emulator().isEmpty() ? pubSub.unavailableReason() : firestore.unavailableReason();
            System.out.println("e2e: TestOperatorControlsOnEmulators SKIPPED: " + reason);
            assumeTrue(false, reason);
        }
        System.out.println("e2e: TestOperatorControlsOnEmulators ran against pubsub-emulator " + pubSub.emulator().get().hostAndPort()
                + " and firestore-emulator " + firestore.emulator().get().hostAndPort());
        String suffix = Long.toString(ProcessHandle.current().pid());
        String collection = "controls_" + suffix;
        String topic = "backfill-controls-" + suffix;
        Map<String, String> environment = new HashMap<>(Map.of(
                "PUBSUB_EMULATOR_HOST", pubSub.emulator().get().hostAndPort(),
                "FIRESTORE_EMULATOR_HOST", firestore.emulator().get().hostAndPort(),
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_QUEUE", "pubsub",
                "BACKFILL_STATE", "firestore",
                "BACKFILL_GCP_PROJECT", PROJECT,
                "BACKFILL_PUBSUB_TOPIC", topic,
                "BACKFILL_PUBSUB_SUBSCRIPTION", topic + "-workers",
                "BACKFILL_PUBSUB_DEAD_LETTER_TOPIC", topic + "-dead-letters",
                "BACKFILL_PUBSUB_DEAD_LETTER_SUBSCRIPTION", topic + "-dead-letters-handler"));
        environment.putAll(Map.of(
                "BACKFILL_FIRESTORE_COLLECTION", collection,
                "BACKFILL_SYNTHETIC_LATENCY_MS", Integer.toString(OperatorControlsScenario.LATENCY_MS),
                "BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS", "1",
                "BACKFILL_PUBSUB_PULL_MODE", "unary"));

        Process setup = JavaProcesses.start(StandaloneMain.class, environment, home.resolve("setup.log"), "setup");
        assertThat(setup.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(setup.exitValue()).as(Files.readString(home.resolve("setup.log"))).isZero();

        try (TransitioningStateStore store = new TransitioningStateStore(FirestoreStateStorage.create(
                FirestoreStateStoreSettings.of(PROJECT).withCollection(collection).withEmulatorHost(firestore.emulator().get().hostAndPort()), Clock.systemUTC()));
                OperatorControlsScenario scenario = new OperatorControlsScenario(home, environment, store)) {
            scenario.startWorkers(2, 4);
            scenario.pauseWhileWorkersRun(DateRange.of(LocalDate.parse("2019-01-01"), LocalDate.parse("2019-08-28")),
                    DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-15")), Duration.ofSeconds(6));
            scenario.cancelHalfWay(DateRange.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-07-18")));
            scenario.stopWorkers();
        }
    }
}
