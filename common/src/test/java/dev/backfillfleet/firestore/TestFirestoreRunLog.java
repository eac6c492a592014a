package dev.backfillfleet.firestore;

import dev.backfillfleet.state.AbstractRunLogTest;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.LocalOnly;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The run log's contract against the official Firestore emulator, started by the test. */
class TestFirestoreRunLog
        extends AbstractRunLogTest
{
    private static final String PROJECT = "backfill-fleet-runs";
    private static FirestoreEmulator emulator;
    private FirestoreClient client;

    @BeforeAll
    static void startEmulator()
    {
        EmulatorAvailability<FirestoreEmulator> availability = FirestoreEmulator.shared();
        if (availability.emulator().isEmpty()) {
            System.out.println("contract: TestFirestoreRunLog SKIPPED: " + availability.unavailableReason());
        }
        assumeTrue(availability.emulator().isPresent(), availability.unavailableReason());
        emulator = availability.emulator().get();
        System.out.println("contract: TestFirestoreRunLog ran against firestore-emulator " + emulator.hostAndPort());
    }

    @Override
    protected RunLog createRunLog()
    {
        emulator.reset(PROJECT);
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        LocalOnly.requireLocal(settings.emulatorHost(), "firestore settings");
        client = FirestoreClient.create(settings);
        return new FirestoreRunLog(client, settings.collection());
    }

    @Override
    protected void closeRunLog()
    {
        client.close();
    }
}
