package dev.backfillfleet.bench.growth;

import dev.backfillfleet.bench.BenchSettings;
import dev.backfillfleet.bench.Progress;
import dev.backfillfleet.bench.fleet.EmbeddedFleet;
import dev.backfillfleet.bench.fleet.SyntheticDates;
import dev.backfillfleet.bench.process.WorkDirectory;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.StateStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the coordinator's verbs cost as the number of dates grows: {@code enqueue}, {@code status},
 * one {@code watch} frame, {@code failed}, {@code report} and {@code verify} over 1,000 to
 * 1,000,000 synthetic dates (1% FAILED in two causes, the rest QUEUED), each run in
 * this JVM as the CLI runs it, after a warm-up of every verb on a small home.
 */
public final class GrowthBenchmark
{
    /** The dates start at the demo league's first season, so that verify has game dates to check. */
    static final LocalDate START = LocalDate.parse("2021-10-01");
    private static final int WARMUP_DATES = 200;
    private static final int EVERY = 100;
    private static final double FLAG_ABOVE = 2.0;
    private static final List<String> READ_VERBS = List.of("status", "watch", "failed", "report", "verify");

    private final BenchSettings settings;
    private final InProcessCoordinator coordinator = new InProcessCoordinator();

    public GrowthBenchmark(BenchSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
    }

    public GrowthResult run()
    {
        List<Integer> sizes = settings.growthSizes().stream().filter(size -> settings.cap(size) == size).sorted().toList();
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("--max-dates leaves no size to measure among " + settings.growthSizes());
        }
        Path template = settings.work().newHome("growth-warmup");
        List<VerbCost> costs = new ArrayList<>();
        try {
            Progress.say("growth: warm-up of every verb on %d dates, on a home with the demo league's schedule", WARMUP_DATES);
            seedSchedule(template);
            measureSize(template, WARMUP_DATES, Map.of());
            for (int size : sizes) {
                Path home = settings.work().newHome("growth-" + size);
                try {
                    WorkDirectory.copyWarehouse(template, home);
                    costs.addAll(measureSize(home, size, budgets(costs, size)));
                }
                finally {
                    settings.work().discard(home);
                }
            }
        }
        finally {
            settings.work().discard(template);
        }
        String method = "in-process: picocli StandaloneMain with --home, as bin/coordinator runs it (no JVM start-up), after a warm-up of every verb on "
                + WARMUP_DATES + " dates; dates from " + START + ", 1 in " + EVERY + " FAILED (two causes, recorded as dead letters record them), the rest QUEUED; "
                + "memory = peak heap during the verb (sum of the heap pools' peak usage after a full GC before it) and bytes allocated by the verb's thread; "
                + "a verb whose time extrapolated from the previous size exceeds " + budget().toSeconds() + " s is skipped there, saying so";
        return new GrowthResult(sizes, costs, growth(costs), FLAG_ABOVE, method);
    }

    private List<VerbCost> measureSize(Path home, int dates, Map<String, String> skips)
    {
        DateRange range = SyntheticDates.range(START, dates);
        List<VerbCost> costs = new ArrayList<>();
        costs.add(verb("enqueue", dates, List.of("enqueue", "--table", "synthetic", "--range", range.toString(), "--yes", "--home", home.toString()), null));
        long start = System.nanoTime();
        populate(home, range);
        Progress.say("growth %,d dates: %d FAILED recorded in %.1f s", dates, (dates + EVERY - 1) / EVERY, (System.nanoTime() - start) / 1e9);
        Map<String, List<String>> verbs = new LinkedHashMap<>();
        verbs.put("status", List.of("status", "--table", "synthetic", "--range", range.toString()));
        verbs.put("watch", List.of("watch", "--table", "synthetic", "--range", range.toString(), "--once"));
        verbs.put("failed", List.of("failed", "--table", "synthetic"));
        verbs.put("report", List.of("report", "--table", "synthetic", "--range", range.toString(), "--out", home.resolve("report.html").toString()));
        verbs.put("verify", List.of("verify", "--table", "synthetic", "--range", range.toString()));
        for (String verb : READ_VERBS) {
            List<String> args = new ArrayList<>(verbs.get(verb));
            args.addAll(List.of("--home", home.toString()));
            costs.add(verb(verb, dates, args, skips.get(verb)));
        }
        return costs;
    }

    private VerbCost verb(String verb, int dates, List<String> args, String skipped)
    {
        String command = "bin/coordinator " + String.join(" ", args).replace(settings.work().root().toString(), "<work>");
        String reproduce = settings.reproduce("growth", "--sizes " + dates);
        if (skipped != null) {
            Progress.say("growth %,d dates: %s skipped: %s", dates, verb, skipped);
            return new VerbCost(verb, dates, null, null, null, null, null, null, null, skipped, command, reproduce);
        }
        InProcessCoordinator.Measured measured = coordinator.run(args);
        // verify exits 1 here by design: queued and failed dates fall short of the threshold
        if (measured.exitCode() != 0 && !(verb.equals("verify") && measured.exitCode() == 1)) {
            throw new IllegalStateException(command + " exited " + measured.exitCode() + ": " + measured.errors());
        }
        Progress.say("growth %,d dates: %-7s %8.3f s = %7.2f us/date, peak heap %6.0f MB", dates, verb, measured.seconds(), measured.seconds() * 1e6 / dates,
                measured.peakHeapMb());
        return new VerbCost(verb, dates, measured.seconds(), measured.seconds() * 1e6 / dates, measured.peakHeapMb(), measured.baselineHeapMb(),
                measured.allocatedMb(), measured.outputBytes(), measured.exitCode(), null, command, reproduce);
    }

    /**
     * The demo league's schedule, which verify reads (its read-only connection seeds nothing): a
     * read through a read-write connection seeds it, and only it, in a second rather than the whole league's twenty.
     */
    private static void seedSchedule(Path home)
    {
        try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
            Schedule.gamesIn(fleet.warehouse(), DateRange.single(START));
        }
    }

    /**
     * 1 in 100 dates FAILED, alternately with a permanent and a transient cause, as dead letters
     * mark them: one transaction each, no claim, whose count of live leases reads every record of
     * the table on this embedded store (docs/benchmarks.md), which at a million dates would make
     * the setup, not the verbs, the cost of this benchmark.
     */
    private static void populate(Path home, DateRange range)
    {
        try (EmbeddedFleet fleet = EmbeddedFleet.open(home, Map.of())) {
            StateStore store = fleet.stateStore();
            String runId = store.get(new DateKey(AnalyticsTable.SYNTHETIC, range.first())).orElseThrow().runId();
            for (int offset = 0; offset < range.size(); offset += EVERY) {
                LocalDate date = range.first().plusDays(offset);
                String cause = offset % (2 * EVERY) == 0
                        ? "synthetic permanent failure on " + date + " (bench)"
                        : "bigquery write into nba_analytics.synthetic$" + date.toString().replace("-", "") + " failed (503 backendError)";
                var claim = store.claim(new WorkItem(AnalyticsTable.SYNTHETIC, date, runId), "bench", Duration.ofMinutes(1), Integer.MAX_VALUE);
                if (claim instanceof ClaimResult.Claimed claimed) {
                    store.fail(claimed.lease(), cause.startsWith("bigquery") ? ErrorClass.TRANSIENT : ErrorClass.PERMANENT, cause);
                }
            }
        }
    }

    /** For each read verb, why it is skipped at {@code size}: its time extrapolated from the sizes before exceeds the budget. */
    private Map<String, String> budgets(List<VerbCost> costs, int size)
    {
        Map<String, String> skips = new LinkedHashMap<>();
        for (String verb : READ_VERBS) {
            List<VerbCost> measured = costs.stream().filter(cost -> cost.verb().equals(verb) && cost.seconds() != null).toList();
            if (measured.isEmpty()) {
                if (costs.stream().anyMatch(cost -> cost.verb().equals(verb))) {
                    skips.put(verb, "skipped at a smaller size");
                }
                continue;
            }
            VerbCost last = measured.get(measured.size() - 1);
            double growth = measured.size() < 2 ? 1 : Math.max(1, last.microsPerDate() / measured.get(measured.size() - 2).microsPerDate());
            double predicted = last.microsPerDate() * growth * size / 1e6;
            if (predicted > budget().toSeconds()) {
                skips.put(verb, String.format(java.util.Locale.ROOT, "extrapolated %.0f s from %,d dates, over the %d s budget", predicted, last.dates(),
                        budget().toSeconds()));
            }
        }
        return skips;
    }

    private Duration budget()
    {
        return settings.quick() ? Duration.ofSeconds(30) : Duration.ofSeconds(240);
    }

    private static List<VerbGrowth> growth(List<VerbCost> costs)
    {
        List<VerbGrowth> growth = new ArrayList<>();
        for (String verb : costs.stream().map(VerbCost::verb).distinct().toList()) {
            List<VerbCost> measured = costs.stream().filter(cost -> cost.verb().equals(verb) && cost.seconds() != null).toList();
            if (measured.size() < 2) {
                continue;
            }
            VerbCost first = measured.get(0);
            VerbCost last = measured.get(measured.size() - 1);
            double ratio = last.microsPerDate() / first.microsPerDate();
            growth.add(new VerbGrowth(verb, first.dates(), last.dates(), first.microsPerDate(), last.microsPerDate(), ratio, ratio > FLAG_ABOVE));
        }
        return growth;
    }
}
