package dev.backfillfleet.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.catalog.Catalogs;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.config.SyntheticConfig;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.inject.StoreTime;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.state.TablePauses;
import dev.backfillfleet.support.Ticker;
import dev.backfillfleet.warehouse.PartitionWriteGate;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.command.CommandRunner;
import dev.backfillfleet.support.Reachability;
import dev.backfillfleet.worker.processor.ProcessorRegistry;
import dev.backfillfleet.worker.processor.TableComputations;
import dev.backfillfleet.worker.tables.PlayerSummaryProcessor;
import dev.backfillfleet.worker.tables.SyntheticProcessor;
import dev.backfillfleet.worker.tables.TeamDefenseProcessor;
import dev.backfillfleet.worker.tables.TeamOffenseProcessor;
import dev.backfillfleet.worker.tables.UpcomingPlayerProcessor;
import dev.backfillfleet.worker.tables.UpcomingTeamProcessor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The pull loop, the built-in tables' processors, and what computes the user's tables. */
public final class WorkerModule
        extends AbstractModule
{
    // done upstream dates change only by an explicit force or retry; remember them this long
    private static final Duration REMEMBER_DONE_UPSTREAM = Duration.ofMinutes(5);
    // a pause reaches every worker within this long: the paused tables are read at most this often
    private static final Duration PAUSED_TABLES_MAX_AGE = Duration.ofSeconds(3);

    private final WorkerSettings settings;

    public WorkerModule(WorkerSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure()
    {
        bind(WorkerSettings.class).toInstance(settings);
        bind(WorkerStats.class).in(Singleton.class);
        bind(FatalFailures.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    static ProcessorRegistry processors(SyntheticConfig synthetic)
    {
        return new ProcessorRegistry(List.of(
                new TeamOffenseProcessor(),
                new TeamDefenseProcessor(),
                new PlayerSummaryProcessor(),
                new UpcomingPlayerProcessor(),
                new UpcomingTeamProcessor(),
                new SyntheticProcessor(
                        synthetic.latency(),
                        synthetic.transientFailureRate(),
                        SyntheticProcessor.parseFailDates(synthetic.failDates()))));
    }

    /** Every table of the catalog, by its kind: the processors above, the user's SQL, the user's programs (run in backfill.command-directory). */
    @Provides
    @Singleton
    static TableComputations computations(ProcessorRegistry processors, WorkerConfig config, Configuration configuration)
    {
        // a program on the embedded default finds the warehouse's files through BACKFILL_HOME
        Map<String, String> environment = Map.of("BACKFILL_HOME", configuration.home().toAbsolutePath().normalize().toString());
        return new TableComputations(processors, new CommandRunner(config.commandDirectory(), CommandRunner.DEFAULT_KILL_GRACE, environment));
    }

    /** One renewal thread per slot: a slow renewal delays no other slot's. */
    @Provides
    @Singleton
    static Scheduler scheduler(WorkerSettings settings, Lifecycle lifecycle)
    {
        return lifecycle.register(new ExecutorScheduler(settings.concurrency(), "lease-renewal"));
    }

    @Provides
    @Singleton
    static LeaseKeeper leases(StateStore stateStore, WorkerSettings settings, Scheduler scheduler)
    {
        // a lease is measured on the monotonic clock, never on the (possibly skewed) wall clock
        return new LeaseKeeper(stateStore, settings.leaseLength(), Ticker.system(), new Reachability("the state store"), scheduler);
    }

    /** "Seen done after this date was queued" compares with the record's queue time: both in the store's time. */
    @Provides
    @Singleton
    static UpstreamGate upstream(StateStore stateStore, Catalogs catalogs, @StoreTime Clock storeTime, WorkerStats stats)
    {
        return new UpstreamGate(stateStore, catalogs, storeTime, REMEMBER_DONE_UPSTREAM, stats);
    }

    @Provides
    @Singleton
    static PausedTables pausedTables(TablePauses pauses, Clock clock)
    {
        return new PausedTables(pauses, clock, PAUSED_TABLES_MAX_AGE);
    }

    @Provides
    @Singleton
    static WorkItemRunner runner(StateStore stateStore, Warehouse warehouse, Catalogs catalogs, TableComputations computations, WorkerSettings settings,
            Clock clock, LeaseKeeper leases, UpstreamGate upstream, PausedTables pausedTables, PartitionWriteGate writeGate, WorkerStats stats,
            FatalFailures fatal)
    {
        return new WorkItemRunner(stateStore, warehouse, catalogs, computations, settings, clock, leases, upstream, pausedTables, writeGate, stats,
                fatal::report);
    }

    @Provides
    @Singleton
    static Worker worker(WorkQueue queue, StateStore stateStore, WorkItemRunner runner, WorkerSettings settings, FatalFailures fatal)
    {
        return new Worker(queue, stateStore, runner, settings, fatal);
    }
}
