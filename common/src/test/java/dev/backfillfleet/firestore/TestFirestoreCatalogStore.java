package dev.backfillfleet.firestore;

import dev.backfillfleet.catalog.AbstractCatalogStoreTest;
import dev.backfillfleet.catalog.CatalogStore;
import dev.backfillfleet.testing.emulators.EmulatorAvailability;
import dev.backfillfleet.testing.emulators.FirestoreEmulator;
import dev.backfillfleet.testing.emulators.LocalOnly;
import org.junit.jupiter.api.BeforeAll;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The applied catalog's contract against the official Firestore emulator, started by the test. */
class TestFirestoreCatalogStore
        extends AbstractCatalogStoreTest
{
    private static final String PROJECT = "backfill-fleet-catalog";
    private static FirestoreEmulator emulator;
    private FirestoreClient client;

    @BeforeAll
    static void startEmulator()
    {
        EmulatorAvailability<FirestoreEmulator> availability = FirestoreEmulator.shared();
        if (availability.emulator().isEmpty()) {
            System.out.println("contract: TestFirestoreCatalogStore SKIPPED: " + availability.unavailableReason());
        }
        assumeTrue(availability.emulator().isPresent(), availability.unavailableReason());
        emulator = availability.emulator().get();
        System.out.println("contract: TestFirestoreCatalogStore ran against firestore-emulator " + emulator.hostAndPort());
    }

    @Override
    protected CatalogStore createStore()
    {
        emulator.reset(PROJECT);
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(PROJECT).withEmulatorHost(emulator.hostAndPort());
        LocalOnly.requireLocal(settings.emulatorHost(), "firestore settings");
        client = FirestoreClient.create(settings);
        return new FirestoreCatalogStore(client, settings.collection(), settings.transactionAttempts());
    }

    @Override
    protected void closeStore()
    {
        client.close();
    }
}
