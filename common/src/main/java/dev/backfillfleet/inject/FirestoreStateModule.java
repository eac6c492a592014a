package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.backfillfleet.config.GoogleCloudConfig;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.firestore.FirestoreSetup;
import dev.backfillfleet.firestore.FirestoreStateStore;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;

/** The Firestore state store; {@code FIRESTORE_EMULATOR_HOST} (read by the configuration loader) points it at an emulator. */
public final class FirestoreStateModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(StateStore.class).to(FirestoreStateStore.class);
        Multibinder.newSetBinder(binder(), StartupCheck.class).addBinding().to(FirestoreStateStore.class);
        Multibinder.newSetBinder(binder(), Provisioner.class).addBinding().to(FirestoreSetup.class);
    }

    @Provides
    @Singleton
    static FirestoreStateStoreSettings settings(GoogleCloudConfig cloud, FirestoreConfig config)
    {
        return new FirestoreStateStoreSettings(cloud.project(), config.database(), config.collection(), config.emulatorHost(),
                FirestoreStateStoreSettings.DEFAULT_TRANSACTION_ATTEMPTS);
    }

    @Provides
    @Singleton
    static FirestoreStateStore stateStore(FirestoreStateStoreSettings settings, Clock clock, Lifecycle lifecycle)
    {
        return lifecycle.register(FirestoreStateStore.create(settings, clock));
    }

    @Provides
    @Singleton
    static FirestoreSetup setup(FirestoreStateStoreSettings settings)
    {
        return FirestoreSetup.production(settings);
    }
}
