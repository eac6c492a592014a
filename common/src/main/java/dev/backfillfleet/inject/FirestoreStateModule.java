package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.firestore.FirestoreStateStore;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;

/** The Firestore state store; {@code FIRESTORE_EMULATOR_HOST} points it at an emulator. */
public final class FirestoreStateModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static StateStore stateStore(FleetConfig config, Clock clock, Lifecycle lifecycle)
    {
        FirestoreStateStoreSettings settings = new FirestoreStateStoreSettings(
                config.gcpProject().orElseThrow(),
                config.get(FleetConfig.FIRESTORE_DATABASE),
                config.get(FleetConfig.FIRESTORE_COLLECTION),
                java.util.Optional.empty(),
                FirestoreStateStoreSettings.DEFAULT_TRANSACTION_ATTEMPTS)
                .withEnvironment(System.getenv());
        return lifecycle.register(FirestoreStateStore.create(settings, clock));
    }
}
