package dev.backfillfleet.bench.season;

import dev.backfillfleet.bench.BenchSettings;
import dev.backfillfleet.bench.Progress;
import dev.backfillfleet.bench.fleet.Completions;
import dev.backfillfleet.bench.fleet.EmbeddedFleet;
import dev.backfillfleet.bench.process.ChildProcess;
import dev.backfillfleet.bench.process.ProductCommand;
import dev.backfillfleet.bench.process.WorkDirectory;
import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A season of the five analytics tables from a fresh home, as the README runs it: seeding the demo
 * league ({@code coordinator demo-data}) timed on its own, then {@code coordinator run --table all}
 * over the season; then, on a copy of the seeded warehouse, {@code coordinator enqueue} and one
 * {@code bin/worker --concurrency 4 --until-idle} under {@code -Xmx256m}.
 */
public final class SeasonBenchmark
{
    public static final String SEASON = "2024-10-22..2025-04-13";
    private static final String QUICK_RANGE = "2024-11-01..2024-11-07";
    private static final List<String> SMALL_HEAP = List.of("-Xmx256m");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Duration SMALL_HEAP_TIMEOUT = Duration.ofMinutes(5);
    private static final int KILLED = -1;

    private final BenchSettings settings;

    public SeasonBenchmark(BenchSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public SeasonResult run()
            throws InterruptedException
    {
        String tables = settings.quick() ? "team_offense" : "all";
        String range = settings.quick() ? QUICK_RANGE : SEASON;
        Path home = settings.work().newHome("season");
        Path smallHeap = settings.work().newHome("season-small-heap");
        try {
            ProcessRun seeding = settings.quick() ? null : step("seeding", settings.launcher().coordinator(List.of("demo-data", "--home", home.toString())), home);
            ProcessRun run = step("run", settings.launcher().coordinator(List.of("run", "--table", tables, "--range", range, "--home", home.toString())), home);
            List<TableThroughput> throughput;
            double active;
            try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
                throughput = throughput(fleet);
                active = activeSeconds(fleet);
            }
            // the small-heap run starts from the same seeded league (its partitions are replaced) with a fresh state store and queue
            WorkDirectory.copyWarehouse(home, smallHeap);
            ProcessRun enqueue = step("enqueue (small heap)",
                    settings.launcher().coordinator(List.of("enqueue", "--table", tables, "--range", range, "--yes", "--home", smallHeap.toString())), smallHeap);
            ProcessRun worker = step("worker -Xmx256m",
                    settings.launcher().worker(SMALL_HEAP, workerArguments(smallHeap)), smallHeap);
            Map<DateState, Long> states;
            try (EmbeddedFleet fleet = EmbeddedFleet.open(smallHeap, Map.of())) {
                states = states(fleet);
            }
            long notDone = states.entrySet().stream().filter(entry -> entry.getKey() != DateState.SUCCEEDED && entry.getKey() != DateState.NO_GAMES)
                    .mapToLong(Map.Entry::getValue).sum();
            boolean completed = worker.exitCode() == 0 && notDone == 0;
            String exit = worker.exitCode() == KILLED ? "killed after " + SMALL_HEAP_TIMEOUT.toMinutes() + " min" : "exit " + worker.exitCode();
            String outcome = (completed ? "completed" : "did not complete") + ": " + exit + ", dates per state " + states;
            Progress.say("season: -Xmx256m worker %s", outcome);
            String method = "child processes of the product jars; wall = launch to exit (JVM start-up included); peak RSS = VmHWM of /proc/PID/status, "
                    + "polled every 20 ms; per table: dates and rows from the state records over the table's first start to last finish";
            return new SeasonResult(tables, range, seeding, run, active, throughput, enqueue, worker, completed, outcome, method,
                    settings.reproduce("season", ""));
        }
        finally {
            settings.work().discard(home);
            settings.work().discard(smallHeap);
        }
    }

    /** bin/worker's defaults but for the slots; --quick waits 1 s, not 3, for the queue to stay empty. */
    private List<String> workerArguments(Path home)
    {
        List<String> args = new ArrayList<>(List.of("--concurrency", "4", "--until-idle"));
        if (settings.quick()) {
            args.addAll(List.of("--idle-seconds", "1"));
        }
        args.addAll(List.of("--home", home.toString()));
        return args;
    }

    private ProcessRun step(String name, ProductCommand command, Path home)
            throws InterruptedException
    {
        try (ChildProcess process = ChildProcess.start(command, Map.of(), settings.work().log(home, name.replaceAll("[^a-z0-9]+", "-")))) {
            int exit;
            try {
                exit = process.waitFor(name.startsWith("worker") ? SMALL_HEAP_TIMEOUT : TIMEOUT);
            }
            catch (IllegalStateException e) {
                if (!name.startsWith("worker")) {
                    throw e;
                }
                // a heap too small may leave the worker collecting garbage for ever: that is "does not complete", not a failed benchmark
                Progress.say("season %s: %s", name, e.getMessage());
                exit = KILLED;
            }
            ProcessRun run = new ProcessRun(name, command.display(), process.wall().toMillis() / 1000.0, process.peakRssKb() / 1024.0, exit);
            Progress.say("season %s: %.1f s, peak RSS %.0f MB, exit %d", name, run.wallSeconds(), run.peakRssMb(), exit);
            if (exit != 0 && !name.startsWith("worker")) {
                throw new IllegalStateException(command.display() + " exited " + exit + ": " + process.output());
            }
            return run;
        }
    }

    private static List<TableThroughput> throughput(EmbeddedFleet fleet)
    {
        List<TableThroughput> tables = new ArrayList<>();
        for (AnalyticsTable table : BuiltInTables.analyticsTables()) {
            List<DateRecord> records = fleet.stateStore().list(table, Optional.empty(), Set.of());
            if (records.isEmpty()) {
                continue;
            }
            Completions completions = Completions.of(records);
            double span = completions.activeSpan().toMillis() / 1000.0;
            tables.add(new TableThroughput(BuiltInTables.catalog().displayName(table), records.size(), count(records, DateState.SUCCEEDED), count(records, DateState.NO_GAMES),
                    count(records, DateState.FAILED), completions.rowsWritten(), span, records.size() / span, completions.rowsWritten() / span));
        }
        return tables;
    }

    /** From the first date's start to the last date's finish, all tables together. */
    private static double activeSeconds(EmbeddedFleet fleet)
    {
        List<DateRecord> records = new ArrayList<>();
        BuiltInTables.analyticsTables().forEach(table -> records.addAll(fleet.stateStore().list(table, Optional.empty(), Set.of())));
        return Completions.of(records).activeSpan().toMillis() / 1000.0;
    }

    private static Map<DateState, Long> states(EmbeddedFleet fleet)
    {
        Map<DateState, Long> states = new EnumMap<>(DateState.class);
        for (AnalyticsTable table : BuiltInTables.analyticsTables()) {
            fleet.stateStore().countByState(table, Optional.empty()).forEach((state, count) -> states.merge(state, count, Long::sum));
        }
        return states;
    }

    private static int count(List<DateRecord> records, DateState state)
    {
        return (int) records.stream().filter(record -> record.state() == state).count();
    }
}
