package dev.backfillfleet.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import dev.backfillfleet.catalog.CatalogStore;
import dev.backfillfleet.doctor.StorageCheck;
import dev.backfillfleet.embedded.EmbeddedConfig;
import dev.backfillfleet.embedded.SqliteCatalogStore;
import dev.backfillfleet.embedded.SqliteDatabase;
import dev.backfillfleet.embedded.SqliteFileCheck;
import dev.backfillfleet.embedded.SqlitePermitStore;
import dev.backfillfleet.embedded.SqliteRunLog;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.embedded.SqliteTablePauses;
import dev.backfillfleet.embedded.StateDatabase;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStorage;
import dev.backfillfleet.state.TablePauses;
import dev.backfillfleet.warehouse.WindowedWriteGate;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The embedded state: {@code $BACKFILL_HOME/state.db}, opened on first use, holding the date
 * records, the paused tables, the run log, the applied table catalog and the warehouse's write
 * permits; the doctor checks
 * the file.
 */
public final class EmbeddedStateModule
        extends AbstractModule
{
    @Provides
    @Singleton
    static EmbeddedState database(EmbeddedConfig config, AccessMode access, Lifecycle lifecycle)
    {
        Path file = file(config);
        return new EmbeddedState(lifecycle.register(access == AccessMode.READ_ONLY ? StateDatabase.readOnly(file) : StateDatabase.open(file)));
    }

    @Provides
    @Singleton
    static StateStorage stateStorage(EmbeddedState state, @StoreTime Clock storeTime)
    {
        return new SqliteStateStorage(state.database(), storeTime);
    }

    /**
     * The machine's clock, as the storage reads it: every process sharing the file shares it,
     * and a process started with a test clock offset still writes leases in the machine's time.
     */
    @Provides
    @Singleton
    @StoreTime
    static Clock storeTime()
    {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static TablePauses pauses(EmbeddedState state)
    {
        return new SqliteTablePauses(state.database());
    }

    @Provides
    @Singleton
    static RunLog runLog(EmbeddedState state)
    {
        return new SqliteRunLog(state.database());
    }

    @Provides
    @Singleton
    static CatalogStore catalogStore(EmbeddedState state)
    {
        return new SqliteCatalogStore(state.database());
    }

    /** Write permits live where the state does: every process of the machine shares the file. */
    @Provides
    @Singleton
    static WindowedWriteGate.PermitStore permits(EmbeddedState state)
    {
        return new SqlitePermitStore(state.database());
    }

    @ProvidesIntoSet
    static AdapterInUse adapter(EmbeddedConfig config)
    {
        return new AdapterInUse(Port.STATE, "embedded", "home " + config.home().toAbsolutePath().normalize());
    }

    @ProvidesIntoSet
    static StorageCheck fileCheck(EmbeddedConfig config)
    {
        Path file = file(config).toAbsolutePath().normalize();
        return new SqliteFileCheck(Port.STATE, file, mends -> "move it aside: mv " + file + " " + file.resolveSibling("state.db.corrupt")
                + " (the fleet then forgets which dates are done: the next run or enqueue computes them again)");
    }

    private static Path file(EmbeddedConfig config)
    {
        return config.home().resolve("state.db");
    }

    /** The one database of {@code state.db} in this process, which its adapters share. */
    record EmbeddedState(SqliteDatabase database) {}
}
