package dev.backfillfleet.bench.scaling;

import dev.backfillfleet.bench.BenchSettings;
import dev.backfillfleet.bench.Progress;
import dev.backfillfleet.bench.fleet.Completions;
import dev.backfillfleet.bench.fleet.EmbeddedFleet;
import dev.backfillfleet.bench.fleet.SyntheticDates;
import dev.backfillfleet.bench.process.ChildProcess;
import dev.backfillfleet.bench.process.ProductCommand;
import dev.backfillfleet.config.SyntheticConfig;
import dev.backfillfleet.config.WorkerConfig;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.worker.Outcome;
import dev.backfillfleet.worker.Worker;
import dev.backfillfleet.worker.WorkerStats;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Parallel efficiency and speed-up of the embedded fleet: N {@code synthetic} dates of latency
 * L = 100 ms over W slots, as threads of one in-process {@link Worker}, and as {@value #PROCESSES}
 * real worker processes of W / 4 slots each on a shared home.
 */
public final class ScalingBenchmark
{
    public static final String THREADS = "threads";
    public static final String PROCESSES_MODE = "processes";
    public static final Duration LATENCY = Duration.ofMillis(100);
    private static final int PROCESSES = 4;
    // the default fleet-wide bound on one table's running dates; above it the bound, not the fleet, would be measured
    private static final int DEFAULT_TABLE_CONCURRENCY = 100;
    private static final Duration POLL = Duration.ofMillis(50);
    // N x L / W, the length of the run of N at full efficiency. From W = 64 the slots' work shares the two cores with the JIT,
    // which compiles for the first 10-15 s of a worker (C2: about 600 methods, 2.8-3.8 CPU-s per JVM, -XX:+PrintCompilation
    // and -XX:+CITime); four JVMs on two cores compile for about 30 s (C2 CPU of 4 x 64 slots over 20,000, 40,000 and 80,000
    // dates: 9.9, 15.1-18.0 and 20.3 s). A shorter run of N measures the JIT, which the marginal figure must cancel
    private static final Duration FEW_SLOTS_RUN = Duration.ofSeconds(2);
    private static final Duration MANY_THREADS_RUN = Duration.ofSeconds(8);
    private static final Duration MANY_PROCESSES_RUN = Duration.ofSeconds(24);
    private static final int MANY_SLOTS = 64;

    private final BenchSettings settings;

    public ScalingBenchmark(BenchSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public ScalingResult run()
            throws InterruptedException
    {
        // class loading and the JIT would otherwise fall on the first measured run (W = 1) and inflate its marginal figure
        Progress.say("scaling: warm-up run (not reported)");
        threads(4, 20);
        List<ScalingPoint> points = new ArrayList<>();
        for (String mode : List.of(THREADS, PROCESSES_MODE)) {
            List<ScalingPoint> series = new ArrayList<>();
            for (int slots : mode.equals(THREADS) ? settings.slots() : settings.processSlots()) {
                Duration runLength = runLength(mode, slots);
                int dates = settings.scalingDates(slots, Math.min(fullEfficiencyDates(slots, runLength), throughputCap(series, slots, runLength)));
                ScalingRun base = measure(mode, slots, dates);
                ScalingRun doubled = measure(mode, slots, 2 * dates);
                series.add(point(mode, slots, base, doubled));
            }
            points.addAll(withSpeedUps(series));
        }
        String rule = settings.quick() ? "N = 5 W, and 2N (--quick; processes without W = 1)"
                : "N = W x T / L (at least 40) with T = " + FEW_SLOTS_RUN.toSeconds() + " s up to W = 16, from W = " + MANY_SLOTS + " T = "
                        + MANY_THREADS_RUN.toSeconds() + " s (threads) and " + MANY_PROCESSES_RUN.toSeconds()
                        + " s (processes), so that the JIT's first seconds fall within the run of N; at most the best rate of a smaller W, "
                        + "times the ratio of the W, over T; and 2N";
        String method = "wall = from worker start (processes: their launch, JVM start-up included) to the last date's finishedAt in the state store; "
                + "efficiency = (N x L / W) / wall; marginal = (delta N x L / W) / delta active wall between the runs of N and 2N, the active wall from the "
                + "first date's start to the last one's finish (with the walls from the launch: 'launch wall'); "
                + "backfill.table-concurrency = max(100, W); processes: " + PROCESSES + " x --concurrency W/" + PROCESSES + " (W = 1, or W not a multiple of "
                + PROCESSES + ": 1 process)";
        return new ScalingResult(LATENCY.toMillis(), rule, method, points);
    }

    private ScalingRun measure(String mode, int slots, int dates)
            throws InterruptedException
    {
        ScalingRun run = mode.equals(THREADS) ? threads(slots, dates) : processes(slots, dates);
        Progress.say("scaling %s W=%d N=%d: wall %.2f s, %.0f dates/s, efficiency %.3f", mode, slots, dates, run.wallSeconds(), run.datesPerSecond(), run.efficiency());
        return run;
    }

    private ScalingRun threads(int slots, int dates)
            throws InterruptedException
    {
        Path home = settings.work().newHome("scaling-threads-w" + slots + "-n" + dates);
        DateRange range = SyntheticDates.range(dates);
        try (EmbeddedFleet fleet = EmbeddedFleet.withWorker(home, workerSettings(slots))) {
            SyntheticDates.enqueue(fleet.stateStore(), fleet.runLog(), fleet.queue(), range);
            Worker worker = fleet.worker();
            Instant start = Instant.now();
            worker.start();
            try {
                awaitSucceeded(fleet.workerStats(), dates, timeout(slots, dates));
            }
            finally {
                worker.close();
            }
            String command = "in-process Worker (the threads of 'coordinator run --workers " + slots + "'), "
                    + "--set backfill.synthetic-latency-ms=" + LATENCY.toMillis() + " --set backfill.table-concurrency=" + tableConcurrency(slots);
            return run(dates, slots, 1, start, completions(fleet.stateStore(), range), command);
        }
        finally {
            settings.work().discard(home);
        }
    }

    private ScalingRun processes(int slots, int dates)
            throws InterruptedException
    {
        int processes = slots % PROCESSES == 0 ? PROCESSES : 1;
        Path home = settings.work().newHome("scaling-processes-w" + slots + "-n" + dates);
        DateRange range = SyntheticDates.range(dates);
        try {
            try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
                SyntheticDates.enqueue(fleet.stateStore(), fleet.runLog(), fleet.queue(), range);
            }
            ProductCommand command = settings.launcher().worker(List.of(), List.of(
                    "--concurrency", Integer.toString(slots / processes), "--until-idle", "--idle-seconds", "1", "--home", home.toString(),
                    "--set", SyntheticConfig.LATENCY_MS.name() + "=" + LATENCY.toMillis(),
                    "--set", WorkerConfig.TABLE_CONCURRENCY.name() + "=" + tableConcurrency(slots)));
            Instant start = Instant.now();
            List<ChildProcess> workers = new ArrayList<>();
            try {
                for (int i = 0; i < processes; i++) {
                    workers.add(ChildProcess.start(command, Map.of(), settings.work().log(home, "worker-" + i)));
                }
                for (ChildProcess worker : workers) {
                    int exit = worker.waitFor(timeout(slots, dates));
                    if (exit != 0) {
                        throw new IllegalStateException(command.display() + " exited " + exit + ": " + worker.output());
                    }
                }
            }
            finally {
                workers.forEach(ChildProcess::close);
            }
            try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
                Completions completions = completions(fleet.stateStore(), range);
                if (completions.count() != dates) {
                    throw new IllegalStateException("only " + completions.count() + " of " + dates + " dates SUCCEEDED; logs in " + home);
                }
                String shown = processes == 1 ? command.display() : "for i in 1 2 3 4; do " + command.display() + " & done; wait";
                return run(dates, slots, processes, start, completions, shown);
            }
        }
        finally {
            settings.work().discard(home);
        }
    }

    private static Duration runLength(String mode, int slots)
    {
        if (slots < MANY_SLOTS) {
            return FEW_SLOTS_RUN;
        }
        return mode.equals(THREADS) ? MANY_THREADS_RUN : MANY_PROCESSES_RUN;
    }

    /** The N whose run lasts {@code runLength} at full efficiency; at least 40 (4 s at W = 1). */
    private static int fullEfficiencyDates(int slots, Duration runLength)
    {
        return (int) Math.max(40, slots * runLength.toMillis() / LATENCY.toMillis());
    }

    /**
     * N for a larger W, given the rates of the smaller ones: what the best of them, scaled by the ratio of the W, does in
     * {@code runLength}. With full efficiency so far it does not bind; a mode that stopped scaling gets proportionally fewer
     * dates, so that its runs stay about {@code runLength} long instead of lasting minutes.
     */
    private static int throughputCap(List<ScalingPoint> smaller, int slots, Duration runLength)
    {
        double best = smaller.stream()
                .mapToDouble(point -> point.doubled().activeDatesPerSecond() * slots / point.slots())
                .max()
                .orElse(Double.POSITIVE_INFINITY);
        if (Double.isInfinite(best)) {
            return Integer.MAX_VALUE;
        }
        return Math.max(40, Math.max(2 * slots, (int) (best * runLength.toMillis() / 1000)));
    }

    private static Map<String, String> workerSettings(int slots)
    {
        return Map.of(
                SyntheticConfig.LATENCY_MS.name(), Long.toString(LATENCY.toMillis()),
                WorkerConfig.CONCURRENCY.name(), Integer.toString(slots),
                WorkerConfig.TABLE_CONCURRENCY.name(), Integer.toString(tableConcurrency(slots)));
    }

    private static int tableConcurrency(int slots)
    {
        return Math.max(DEFAULT_TABLE_CONCURRENCY, slots);
    }

    private static ScalingRun run(int dates, int slots, int processes, Instant start, Completions completions, String command)
    {
        double wall = Duration.between(start, completions.lastFinish()).toNanos() / 1e9;
        double active = completions.activeSpan().toNanos() / 1e9;
        double ideal = dates * (LATENCY.toMillis() / 1000.0) / slots;
        return new ScalingRun(dates, slots, processes, wall, active, dates / wall, ideal / wall, command);
    }

    private static Completions completions(StateStore stateStore, DateRange range)
    {
        return Completions.of(stateStore.list(AnalyticsTable.SYNTHETIC, Optional.of(range), Set.of(DateState.SUCCEEDED)));
    }

    private static Duration timeout(int slots, int dates)
    {
        return Duration.ofSeconds(60).plus(LATENCY.multipliedBy(20L * dates / slots));
    }

    /**
     * Waits on the worker's own counters, not on the state store: a count of the range every 50 ms
     * costs more the more dates there are, and so lowered the marginal figure of the run it measured.
     */
    private static void awaitSucceeded(WorkerStats stats, int dates, Duration timeout)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stats.count(AnalyticsTable.SYNTHETIC, Outcome.SUCCEEDED) < dates) {
            if (stats.count(AnalyticsTable.SYNTHETIC, Outcome.FAILED) > 0 || System.nanoTime() > deadline) {
                throw new IllegalStateException("the run did not finish: " + stats.totals());
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private ScalingPoint point(String mode, int slots, ScalingRun base, ScalingRun doubled)
    {
        double deltaActive = doubled.activeSeconds() - base.activeSeconds();
        int deltaDates = doubled.dates() - base.dates();
        double ideal = deltaDates * (LATENCY.toMillis() / 1000.0) / slots;
        double marginalRate = deltaDates / deltaActive;
        double marginalEfficiency = ideal / deltaActive;
        double marginalEfficiencyLaunchWall = ideal / (doubled.wallSeconds() - base.wallSeconds());
        String note = mode.equals(PROCESSES_MODE) && base.processes() == 1
                ? "W = " + slots + " cannot be split over " + PROCESSES + " processes: one process of " + slots + " slot(s)"
                : "";
        return new ScalingPoint(mode, slots, base.processes(), base, doubled, marginalRate, marginalEfficiency, marginalEfficiencyLaunchWall, null, null, note,
                settings.reproduce("scaling", slots == 1 ? "--slots 1" : "--slots 1," + slots));
    }

    private static List<ScalingPoint> withSpeedUps(List<ScalingPoint> series)
    {
        Optional<ScalingPoint> single = series.stream().filter(point -> point.slots() == 1).findFirst();
        if (single.isEmpty()) {
            return series;
        }
        double rate = single.get().doubled().datesPerSecond();
        double marginalRate = single.get().marginalDatesPerSecond();
        return series.stream()
                .map(point -> point.withSpeedUps(point.doubled().datesPerSecond() / rate, point.marginalDatesPerSecond() / marginalRate))
                .toList();
    }
}
