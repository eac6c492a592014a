package dev.backfillfleet.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.processor.ProcessorRegistry;
import dev.backfillfleet.worker.tables.PlayerSummaryProcessor;
import dev.backfillfleet.worker.tables.SyntheticProcessor;
import dev.backfillfleet.worker.tables.TeamDefenseProcessor;
import dev.backfillfleet.worker.tables.TeamOffenseProcessor;
import dev.backfillfleet.worker.tables.UpcomingPlayerProcessor;
import dev.backfillfleet.worker.tables.UpcomingTeamProcessor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import static java.util.Objects.requireNonNull;

/** The pull loop and the table processors. */
public final class WorkerModule
        extends AbstractModule
{
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
    }

    @Provides
    @Singleton
    static ProcessorRegistry processors(FleetConfig config)
    {
        return new ProcessorRegistry(List.of(
                new TeamOffenseProcessor(),
                new TeamDefenseProcessor(),
                new PlayerSummaryProcessor(),
                new UpcomingPlayerProcessor(),
                new UpcomingTeamProcessor(),
                new SyntheticProcessor(
                        Duration.ofMillis(config.syntheticLatencyMillis()),
                        config.syntheticTransientFailureRate(),
                        SyntheticProcessor.parseFailDates(config.syntheticFailDates()))));
    }

    @Provides
    @Singleton
    static ScheduledExecutorService heartbeats()
    {
        return Worker.heartbeatExecutor();
    }

    @Provides
    @Singleton
    static WorkItemRunner runner(StateStore stateStore, Warehouse warehouse, ProcessorRegistry processors, WorkerSettings settings,
            Clock clock, ScheduledExecutorService heartbeats, WorkerStats stats)
    {
        return new WorkItemRunner(stateStore, warehouse, processors, settings, clock, heartbeats, stats);
    }

    @Provides
    @Singleton
    static Worker worker(WorkQueue queue, StateStore stateStore, WorkItemRunner runner, WorkerSettings settings, ScheduledExecutorService heartbeats)
    {
        return new Worker(queue, stateStore, runner, settings, heartbeats);
    }
}
