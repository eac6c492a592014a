package dev.backfillfleet.coordinator;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.util.Types;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.inject.Bootstrap;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.state.TablePauses;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The coordinator's composition root: one injector per command, closed when the command ends.
 * Building it does no I/O (every adapter opens on first use); a {@link AccessMode#READ_ONLY}
 * connection creates nothing anywhere.
 */
public final class FleetConnection
        implements AutoCloseable
{
    private final Configuration config;
    private final AccessMode access;
    private final List<Module> extraModules;
    private Injector injector;
    private boolean readsChecked;

    public FleetConnection(Configuration config, AccessMode access, List<Module> extraModules)
    {
        this.config = requireNonNull(config, "config is null");
        this.access = requireNonNull(access, "access is null");
        this.extraModules = List.copyOf(extraModules);
    }

    /** For the verbs that only read: status, failed, watch, report, verify and dry runs. */
    public static FleetConnection readOnly(Configuration config)
    {
        return new FleetConnection(config, AccessMode.READ_ONLY, List.of());
    }

    public static FleetConnection readWrite(Configuration config)
    {
        return new FleetConnection(config, AccessMode.READ_WRITE, List.of());
    }

    public Configuration config()
    {
        return config;
    }

    public synchronized Injector injector()
    {
        if (injector == null) {
            injector = Bootstrap.createInjector(config, access, extraModules);
        }
        return injector;
    }

    public StateStore stateStore()
    {
        checkReads();
        return injector().getInstance(StateStore.class);
    }

    /** The table catalog as the state store holds it now: the built-in tables and the user's, as last applied. */
    public TableCatalog catalog()
    {
        return catalogs().fresh();
    }

    /**
     * The table catalog read through a connection that only reads: what a verb that writes uses
     * to check the tables it was given before it writes anything (a bad name then changes nothing).
     */
    public static TableCatalog catalogOf(Configuration config)
    {
        try (FleetConnection reader = readOnly(config)) {
            return reader.catalog();
        }
    }

    public Catalogs catalogs()
    {
        checkReads();
        return injector().getInstance(Catalogs.class);
    }

    /**
     * The tables an operator named (full or short names, comma separated, or all), as the catalog
     * knows them, checked through a reader, so that a bad name is refused before anything is written.
     */
    public List<AnalyticsTable> tables(String names)
    {
        return TableSelection.parse(names, access == AccessMode.READ_ONLY ? catalog() : catalogOf(config));
    }

    public TablePauses pauses()
    {
        checkReads();
        return injector().getInstance(TablePauses.class);
    }

    public RunLog runLog()
    {
        checkReads();
        return injector().getInstance(RunLog.class);
    }

    /**
     * A verb that only reads runs no start-up check of its own, so a reader's checks (a remote
     * state store's: reachable, permitted, indexed) run before its first read: a Firestore out of
     * reach is then the environment's fault, said in one line (exit 3), not a failed job.
     */
    private synchronized void checkReads()
    {
        if (access == AccessMode.READ_ONLY && !readsChecked) {
            checkReady(ProcessRole.READER);
        }
        readsChecked = true;
    }

    /** The process's clock, as every adapter reads it: the time a verb records or compares with. */
    public Clock clock()
    {
        return injector().getInstance(Clock.class);
    }

    public WorkQueue queue()
    {
        return injector().getInstance(WorkQueue.class);
    }

    public Warehouse warehouse()
    {
        return injector().getInstance(Warehouse.class);
    }

    public Set<Provisioner> provisioners()
    {
        return contributions(Provisioner.class);
    }

    /** What the selected adapters contribute of a kind (their doctor checks, descriptions of themselves, generated files). */
    @SuppressWarnings("unchecked")
    public <T> Set<T> contributions(Class<T> kind)
    {
        return (Set<T>) injector().getInstance(Key.get(Types.setOf(kind)));
    }

    /** What only some adapters can do (list their messages, reseed a demo league): empty when the selected one cannot. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> capability(Class<T> kind)
    {
        return (Optional<T>) injector().getInstance(Key.get(Types.newParameterizedType(Optional.class, kind)));
    }

    /** Proves that what {@code role} needs exists and may be used; an ENVIRONMENT error names what does not. */
    public void checkReady(ProcessRole role)
    {
        contributions(StartupCheck.class).forEach(check -> check.check(role));
    }

    @Override
    public synchronized void close()
    {
        if (injector != null) {
            injector.getInstance(Lifecycle.class).close();
        }
    }
}
