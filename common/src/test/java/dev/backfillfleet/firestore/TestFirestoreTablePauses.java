package dev.backfillfleet.firestore;

import dev.backfillfleet.state.AbstractTablePausesTest;
import dev.backfillfleet.state.TablePauses;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.LocalOnly;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The paused tables' contract against the official Firestore emulator, started by the test. */
class TestFirestoreTablePauses
        extends AbstractTablePausesTest
{
    private static final String PROJECT = "backfill-fleet-pauses";
    private static FirestoreEmulator emulator;
    private FirestoreClient client;

    @BeforeAll
    static void startEmulator()
    {
        EmulatorAvailability<FirestoreEmulator> availability = FirestoreEmulator.shared();
        if (availability.emulator().isEmpty()) {
            System.out.println("contract: TestFirestoreTablePauses SKIPPED: " + availability.unavailableReason());
        }
        assumeTrue(availability.emulator().isPresent(), availability.unavailableReason());
        emulator = availability.emulator().get();
        System.out.println("contract: TestFirestoreTablePauses ran against firestore-emulator " + emulator.hostAndPort());
    }

    @Override
    protected TablePauses createPauses()
    {
        emulator.reset(PROJECT);
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        LocalOnly.requireLocal(settings.emulatorHost(), "firestore settings");
        client = FirestoreClient.create(settings);
        return new FirestoreTablePauses(client, settings.collection(), settings.transactionAttempts());
    }

    @Override
    protected void closePauses()
    {
        client.close();
    }
}
