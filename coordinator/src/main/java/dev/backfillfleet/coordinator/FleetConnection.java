package dev.backfillfleet.coordinator;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.embedded.SqliteDatabase;
import dev.backfillfleet.embedded.SqliteStateStore;
import dev.backfillfleet.inject.BackendModules;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The coordinator's composition root: one injector per command, closed when the command ends. */
public final class FleetConnection
        implements AutoCloseable
{
    private final FleetConfig config;
    private final List<Module> extraModules;
    private Injector injector;
    private SqliteDatabase readOnlyDatabase;

    public FleetConnection(FleetConfig config, List<Module> extraModules)
    {
        this.config = requireNonNull(config, "config is null");
        this.extraModules = List.copyOf(extraModules);
    }

    public FleetConfig config()
    {
        return config;
    }

    public synchronized Injector injector()
    {
        if (injector == null) {
            List<Module> modules = new ArrayList<>(BackendModules.forConfig(config));
            modules.addAll(extraModules);
            injector = Guice.createInjector(Stage.PRODUCTION, modules);
        }
        return injector;
    }

    public StateStore stateStore()
    {
        return injector().getInstance(StateStore.class);
    }

    public WorkQueue queue()
    {
        return injector().getInstance(WorkQueue.class);
    }

    public Warehouse warehouse()
    {
        return injector().getInstance(Warehouse.class);
    }

    /**
     * The state store for reading only, opened so that nothing is created or changed: for dry
     * runs. Empty when the embedded store does not exist yet (nothing was ever enqueued).
     */
    public synchronized Optional<StateStore> readOnlyStateStore()
    {
        if (!config.stateBackend().equals("embedded")) {
            return Optional.of(stateStore());
        }
        readOnlyDatabase = SqliteDatabase.openReadOnlyIfExists(config.home().resolve("state.db")).orElse(null);
        return Optional.ofNullable(readOnlyDatabase).map(database -> new SqliteStateStore(database, Clock.systemUTC()));
    }

    @Override
    public synchronized void close()
    {
        if (injector != null) {
            injector.getInstance(Lifecycle.class).close();
        }
        if (readOnlyDatabase != null) {
            readOnlyDatabase.close();
        }
    }
}
