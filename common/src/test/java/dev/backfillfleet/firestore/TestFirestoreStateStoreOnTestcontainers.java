package dev.backfillfleet.firestore;

import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.state.AbstractStateStoreTest;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.testing.TestingClock;
import dev.backfillfleet.testing.emulators.DockerBackendReport;
import dev.backfillfleet.testing.emulators.LocalOnly;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.gcloud.FirestoreEmulatorContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

import java.util.concurrent.atomic.AtomicInteger;

/** The state store contract against the Firestore emulator in a container, where Docker exists. */
@ExtendWith(DockerBackendReport.class)
@Testcontainers(disabledWithoutDocker = true)
class TestFirestoreStateStoreOnTestcontainers
        extends AbstractStateStoreTest
{
    private static final AtomicInteger COLLECTIONS = new AtomicInteger();

    @Container
    static final FirestoreEmulatorContainer FIRESTORE = new FirestoreEmulatorContainer(
            DockerImageName.parse("gcr.io/google.com/cloudsdktool/google-cloud-cli:emulators"));

    private TransitioningStateStore firestoreStore;

    @BeforeAll
    static void report()
    {
        System.out.println("contract: TestFirestoreStateStoreOnTestcontainers ran against firestore-emulator container " + FIRESTORE.getEmulatorEndpoint());
    }

    @Override
    protected StateStore createStore(TestingClock clock)
    {
        // a fresh collection per test instead of a reset
        FirestoreStateStoreSettings settings = FirestoreStateStoreSettings.of(TestFirestoreStateStore.PROJECT)
                .withCollection("backfill_dates_" + COLLECTIONS.incrementAndGet())
                .withEmulatorHost(FIRESTORE.getEmulatorEndpoint());
        LocalOnly.requireLocal(settings.emulatorHost(), "firestore settings");
        firestoreStore = new TransitioningStateStore(FirestoreStateStorage.create(settings, clock));
        return firestoreStore;
    }

    @Override
    protected void closeStore()
    {
        if (firestoreStore != null) {
            firestoreStore.close();
        }
    }
}
