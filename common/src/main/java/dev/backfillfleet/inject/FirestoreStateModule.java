package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.backfillfleet.catalog.CatalogStore;
import dev.backfillfleet.config.GoogleCloudConfig;
import dev.backfillfleet.config.LeaseConfig;
import dev.backfillfleet.firestore.FirestoreCatalogStore;
import dev.backfillfleet.firestore.FirestoreClient;
import dev.backfillfleet.firestore.FirestoreConfig;
import dev.backfillfleet.firestore.FirestorePermitStore;
import dev.backfillfleet.firestore.FirestoreRunLog;
import dev.backfillfleet.firestore.FirestoreServerTime;
import dev.backfillfleet.firestore.FirestoreSetup;
import dev.backfillfleet.firestore.FirestoreStateStorage;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.firestore.FirestoreTablePauses;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStorage;
import dev.backfillfleet.state.TablePauses;
import dev.backfillfleet.support.Ticker;
import dev.backfillfleet.warehouse.WindowedWriteGate;

import java.time.Clock;

/**
 * The state in Firestore: the date records, the paused tables, the run log, the applied table
 * catalog and the warehouse's write permits, all through one client. {@code FIRESTORE_EMULATOR_HOST} (read by the
 * configuration loader) points it at an emulator.
 */
public final class FirestoreStateModule
        extends AbstractModule
{
    @Override
    protected void configure()
    {
        bind(StateStorage.class).to(FirestoreStateStorage.class);
        bind(TablePauses.class).to(FirestoreTablePauses.class);
        bind(RunLog.class).to(FirestoreRunLog.class);
        bind(CatalogStore.class).to(FirestoreCatalogStore.class);
        Multibinder<StartupCheck> checks = Multibinder.newSetBinder(binder(), StartupCheck.class);
        checks.addBinding().to(FirestoreStateStorage.class);
        checks.addBinding().to(FirestoreTablePauses.class);
        checks.addBinding().to(FirestoreRunLog.class);
        checks.addBinding().to(FirestoreCatalogStore.class);
        Multibinder.newSetBinder(binder(), Provisioner.class).addBinding().to(FirestoreSetup.class);
    }

    @Provides
    @Singleton
    static FirestoreStateStoreSettings settings(GoogleCloudConfig cloud, FirestoreConfig config, LeaseConfig lease)
    {
        return new FirestoreStateStoreSettings(cloud.project(), config.database(), config.collection(), config.emulatorHost(),
                FirestoreStateStoreSettings.DEFAULT_TRANSACTION_ATTEMPTS, FirestoreStateStoreSettings.callDeadlineFor(lease.length()));
    }

    @Provides
    @Singleton
    static FirestoreClient client(FirestoreStateStoreSettings settings, Lifecycle lifecycle)
    {
        return lifecycle.register(FirestoreClient.create(settings));
    }

    @Provides
    @Singleton
    static FirestoreStateStorage stateStorage(FirestoreClient client, FirestoreStateStoreSettings settings, FirestoreServerTime serverTime)
    {
        return new FirestoreStateStorage(client, settings.collection(), settings.transactionAttempts(), serverTime);
    }

    /** The server's time, as the state records' reads bring it: the fleet's one time line (docs/clocks-and-faults.md). */
    @Provides
    @Singleton
    static FirestoreServerTime serverTime(FirestoreClient client, FirestoreStateStoreSettings settings)
    {
        return FirestoreStateStorage.serverTime(client, settings.collection(), Ticker.system());
    }

    @Provides
    @Singleton
    @StoreTime
    static Clock storeTime(FirestoreServerTime serverTime)
    {
        return serverTime;
    }

    @Provides
    @Singleton
    static FirestoreTablePauses pauses(FirestoreClient client, FirestoreStateStoreSettings settings)
    {
        return new FirestoreTablePauses(client, settings.collection(), settings.transactionAttempts());
    }

    @Provides
    @Singleton
    static FirestoreRunLog runLog(FirestoreClient client, FirestoreStateStoreSettings settings)
    {
        return new FirestoreRunLog(client, settings.collection());
    }

    @Provides
    @Singleton
    static FirestoreCatalogStore catalogStore(FirestoreClient client, FirestoreStateStoreSettings settings)
    {
        return new FirestoreCatalogStore(client, settings.collection(), settings.transactionAttempts());
    }

    /** Write permits live where the state does: every worker of the fleet shares the collection. */
    @Provides
    @Singleton
    static WindowedWriteGate.PermitStore permits(FirestoreClient client, FirestoreStateStoreSettings settings)
    {
        return new FirestorePermitStore(client, settings.collection());
    }

    @Provides
    @Singleton
    static FirestoreSetup setup(FirestoreStateStoreSettings settings)
    {
        return FirestoreSetup.production(settings);
    }

    @ProvidesIntoSet
    static AdapterInUse adapter(GoogleCloudConfig cloud)
    {
        return new AdapterInUse(Port.STATE, "firestore", "project " + cloud.project());
    }
}
