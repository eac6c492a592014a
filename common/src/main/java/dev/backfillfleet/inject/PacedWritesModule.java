package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.bigquery.BigQueryConfig;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.config.StateBackend;
import dev.backfillfleet.embedded.SqlitePermitStore;
import dev.backfillfleet.firestore.FirestorePermitStore;
import dev.backfillfleet.firestore.FirestoreStateStoreSettings;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.PermitWindows;
import dev.backfillfleet.warehouse.WindowedWriteGate;

import java.time.Clock;

/** Paces partition writes fleet-wide with permits kept where the state records are. */
final class PacedWritesModule
        extends AbstractModule
{
    static Module forState(StateBackend state)
    {
        return switch (state) {
            case EMBEDDED -> new EmbeddedPermits();
            case FIRESTORE -> new FirestorePermits();
        };
    }

    @Provides
    @Singleton
    static PermitWindows windows(BigQueryConfig config)
    {
        return new PermitWindows(config.partitionWritesPer10Seconds());
    }

    @Provides
    @Singleton
    static PartitionWriteGate gate(WindowedWriteGate.PermitStore store, PermitWindows windows, Clock clock)
    {
        return new WindowedWriteGate(store, windows, clock);
    }

    private static final class EmbeddedPermits
            extends AbstractModule
    {
        @Override
        protected void configure()
        {
            install(new PacedWritesModule());
        }

        @Provides
        @Singleton
        static WindowedWriteGate.PermitStore store(EmbeddedConfig config, Lifecycle lifecycle)
        {
            return lifecycle.register(SqlitePermitStore.open(config.home().resolve("state.db")));
        }
    }

    private static final class FirestorePermits
            extends AbstractModule
    {
        @Override
        protected void configure()
        {
            install(new PacedWritesModule());
        }

        @Provides
        @Singleton
        static WindowedWriteGate.PermitStore store(FirestoreStateStoreSettings settings, PermitWindows windows, Lifecycle lifecycle)
        {
            return lifecycle.register(new FirestorePermitStore(settings, windows));
        }
    }
}
