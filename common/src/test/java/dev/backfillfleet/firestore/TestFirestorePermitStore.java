package dev.backfillfleet.firestore;

import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.warehouse.AbstractPermitStoreTest;
import dev.backfillfleet.warehouse.WindowedWriteGate;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The permit store contract against the official Firestore emulator. */
class TestFirestorePermitStore
        extends AbstractPermitStoreTest
{
    private static final String PROJECT = "backfill-fleet-permits";
    private static FirestoreEmulator emulator;
    private FirestoreClient client;

    @BeforeAll
    static void startEmulator()
    {
        EmulatorAvailability<FirestoreEmulator> availability = FirestoreEmulator.shared();
        if (availability.emulator().isEmpty()) {
            System.out.println("contract: TestFirestorePermitStore SKIPPED: " + availability.unavailableReason());
        }
        assumeTrue(availability.emulator().isPresent(), availability.unavailableReason());
        emulator = availability.emulator().get();
        System.out.println("contract: TestFirestorePermitStore ran against firestore-emulator " + emulator.hostAndPort());
    }

    @Override
    protected WindowedWriteGate.PermitStore createStore()
    {
        emulator.reset(PROJECT);
        client = FirestoreClient.create(FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort()));
        return new FirestorePermitStore(client, FirestoreStateStoreSettings.DEFAULT_COLLECTION);
    }

    @Override
    protected void closeStore()
    {
        client.close();
    }
}
