package dev.backfillfleet.coordinator.bench;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.config.FleetConfigLoader;
import dev.backfillfleet.coordinator.plan.EnqueueRequest;
import dev.backfillfleet.coordinator.plan.Enqueuer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.inject.BackendModules;
import dev.backfillfleet.inject.Lifecycle;
import dev.backfillfleet.queue.QueueConsumer;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.worker.Worker;
import dev.backfillfleet.worker.WorkerModule;
import dev.backfillfleet.worker.WorkerSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Measures the embedded fleet against the targets of fleet-design.md: enqueue rate, the
 * fleet's own overhead per date (pull + claim + heartbeat + complete + ack), and parallel
 * efficiency (N x L / W over wall time) with W slots and latency L. Run with {@code bin/bench}.
 */
public final class FleetBenchmark
{
    private FleetBenchmark() {}

    public static void main(String[] args)
            throws Exception
    {
        int enqueueDates = intArgument(args, 0, 20_000);
        int overheadDates = intArgument(args, 1, 2_000);
        int efficiencyDates = intArgument(args, 2, 2_000);
        System.out.printf("backfill-fleet benchmark, embedded backend, %d cores, java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        enqueueRate(enqueueDates);
        overhead(overheadDates);
        parallelEfficiency(efficiencyDates, 64, Duration.ofMillis(100));
    }

    private static BackfillRun benchRun(EnqueueRequest request)
    {
        return new BackfillRun("bench-" + System.nanoTime(), java.time.Instant.now(), "bench", "bench", request.tables(), request.dates().toString(),
                request.keys().size());
    }

    private static void enqueueRate(int dates)
            throws IOException
    {
        try (Fleet fleet = Fleet.create(Map.of())) {
            EnqueueRequest request = new EnqueueRequest(List.of(AnalyticsTable.SYNTHETIC), selection(dates), EnqueuePolicy.NORMAL);
            long start = System.nanoTime();
            int queued = new Enqueuer(fleet.stateStore(), fleet.queue()).enqueue(request, benchRun(request)).queued().size();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("enqueue: %d dates in %.2f s = %.0f dates/s (target >= 10,000)%n", queued, seconds, queued / seconds);
        }
    }

    /** One date at a time through the ports, as a worker does, minus the processor: the fleet's own cost. */
    private static void overhead(int dates)
            throws Exception
    {
        try (Fleet fleet = Fleet.create(Map.of())) {
            EnqueueRequest request = new EnqueueRequest(List.of(AnalyticsTable.SYNTHETIC), selection(dates), EnqueuePolicy.NORMAL);
            new Enqueuer(fleet.stateStore(), fleet.queue()).enqueue(request, benchRun(request));
            BlockingQueue<Boolean> settled = new LinkedBlockingQueue<>();
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            try (QueueConsumer consumer = fleet.queue().subscribe(1, delivery -> {
                long start = System.nanoTime();
                ClaimResult claim = fleet.stateStore().claim(delivery.item(), "bench", Duration.ofSeconds(20), 1_000);
                Lease lease = ((ClaimResult.Claimed) claim).lease();
                lease = fleet.stateStore().heartbeat(lease, Duration.ofSeconds(20));
                fleet.stateStore().complete(lease, new Completion(DateState.SUCCEEDED, 1, 1, Duration.ZERO));
                delivery.ack();
                nanos.add(System.nanoTime() - start);
                settled.add(Boolean.TRUE);
            })) {
                for (int i = 0; i < dates; i++) {
                    if (settled.poll(30, TimeUnit.SECONDS) == null) {
                        throw new IllegalStateException("no progress after " + i + " dates");
                    }
                }
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            System.out.printf("overhead per date (claim + heartbeat + complete + ack): median %.2f ms, p95 %.2f ms over %d dates (target median <= 5 ms)%n",
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.size());
        }
    }

    private static void parallelEfficiency(int dates, int slots, Duration latency)
            throws Exception
    {
        Map<String, String> overrides = Map.of(
                FleetConfig.SYNTHETIC_LATENCY_MS.name(), Long.toString(latency.toMillis()),
                FleetConfig.WORKER_CONCURRENCY.name(), Integer.toString(slots));
        try (Fleet fleet = Fleet.create(overrides)) {
            EnqueueRequest request = new EnqueueRequest(List.of(AnalyticsTable.SYNTHETIC), selection(dates), EnqueuePolicy.NORMAL);
            List<DateKey> keys = new Enqueuer(fleet.stateStore(), fleet.queue()).enqueue(request, benchRun(request)).queued();
            Worker worker = fleet.injector().getInstance(Worker.class);
            long start = System.nanoTime();
            worker.start();
            while (fleet.stateStore().countByState(AnalyticsTable.SYNTHETIC, java.util.Optional.empty()).getOrDefault(DateState.SUCCEEDED, 0L) < keys.size()) {
                Thread.sleep(20);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            worker.close();
            double ideal = dates * latency.toMillis() / 1000.0 / slots;
            System.out.printf("parallel efficiency: N=%d, L=%d ms, W=%d: wall %.2f s, ideal N x L / W = %.2f s, efficiency %.2f (target >= 0.9)%n",
                    dates, latency.toMillis(), slots, wall, ideal, ideal / wall);
        }
    }

    private static DateSelection selection(int dates)
    {
        LocalDate first = LocalDate.parse("1990-01-01");
        return DateSelection.of(DateRange.of(first, first.plusDays(dates - 1)));
    }

    private static int intArgument(String[] args, int index, int fallback)
    {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }

    /** A fresh embedded fleet in a temporary BACKFILL_HOME. */
    private record Fleet(Injector injector, Path home)
            implements AutoCloseable
    {
        static Fleet create(Map<String, String> overrides)
                throws IOException
        {
            Path home = Files.createTempDirectory("backfill-bench");
            Map<String, String> settings = new java.util.HashMap<>(overrides);
            settings.put(FleetConfig.HOME.name(), home.toString());
            FleetConfig config = FleetConfigLoader.load(Map.of(), settings);
            List<com.google.inject.Module> modules = new ArrayList<>(BackendModules.forConfig(config));
            modules.add(new WorkerModule(WorkerSettings.from(config, "bench-worker")));
            return new Fleet(Guice.createInjector(Stage.PRODUCTION, modules), home);
        }

        StateStore stateStore()
        {
            return injector.getInstance(StateStore.class);
        }

        WorkQueue queue()
        {
            return injector.getInstance(WorkQueue.class);
        }

        @Override
        public void close()
                throws IOException
        {
            injector.getInstance(Lifecycle.class).close();
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
