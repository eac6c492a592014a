package dev.backfillfleet.bench.fleet;

import com.google.inject.Injector;
import com.google.inject.Module;
import dev.backfillfleet.config.ConfigLoader;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.inject.AccessMode;
import dev.backfillfleet.inject.Bootstrap;
import dev.backfillfleet.inject.Configurations;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.Worker;
import dev.backfillfleet.worker.WorkerStats;
import dev.backfillfleet.worker.WorkerModule;
import dev.backfillfleet.worker.WorkerSettings;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded fleet wired in this JVM as a worker process wires it (the same modules), on one
 * home, from defaults and {@code settings} only: the environment is not read.
 */
public final class EmbeddedFleet
        implements AutoCloseable
{
    private final Injector injector;

    private EmbeddedFleet(Injector injector)
    {
        this.injector = injector;
    }

    /** The ports only: for enqueueing and reading records. */
    public static EmbeddedFleet open(Path home, Map<String, String> settings)
    {
        return create(home, settings, false);
    }

    /** The ports and a {@link Worker} of {@code backfill.worker-concurrency} slots (not started). */
    public static EmbeddedFleet withWorker(Path home, Map<String, String> settings)
    {
        return create(home, settings, true);
    }

    private static EmbeddedFleet create(Path home, Map<String, String> settings, boolean worker)
    {
        Map<String, String> all = new HashMap<>(settings);
        all.put(ConfigLoader.HOME.name(), home.toString());
        Configuration config = Configurations.of(all);
        List<Module> modules = worker ? List.of(new WorkerModule(WorkerSettings.from(config, "bench-worker-" + ProcessHandle.current().pid()))) : List.of();
        return new EmbeddedFleet(Bootstrap.createInjector(config, AccessMode.READ_WRITE, modules));
    }

    public StateStore stateStore()
    {
        return injector.getInstance(StateStore.class);
    }

    public RunLog runLog()
    {
        return injector.getInstance(RunLog.class);
    }

    public WorkQueue queue()
    {
        return injector.getInstance(WorkQueue.class);
    }

    public Warehouse warehouse()
    {
        return injector.getInstance(Warehouse.class);
    }

    public Worker worker()
    {
        return injector.getInstance(Worker.class);
    }

    /** What the worker counted: for waiting on it without reading the state store it is measured on. */
    public WorkerStats workerStats()
    {
        return injector.getInstance(WorkerStats.class);
    }

    @Override
    public void close()
    {
        injector.getInstance(Lifecycle.class).close();
    }
}
