package dev.backfillfleet.bench;

import dev.backfillfleet.bench.growth.GrowthResult;
import dev.backfillfleet.bench.growth.VerbGrowth;
import dev.backfillfleet.bench.overhead.BackendOverhead;
import dev.backfillfleet.bench.overhead.DrainRun;
import dev.backfillfleet.bench.overhead.OverheadResult;
import dev.backfillfleet.bench.scaling.ScalingBenchmark;
import dev.backfillfleet.bench.scaling.ScalingPoint;
import dev.backfillfleet.bench.scaling.ScalingResult;
import dev.backfillfleet.bench.season.SeasonResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets of issue 11, each judged against what this run measured. */
final class Targets
{
    private static final int LARGEST_GROWTH_SIZE = 1_000_000;

    private Targets() {}

    static List<Target> judge(BenchSettings settings, ScalingResult scaling, OverheadResult overhead, GrowthResult growth, SeasonResult season)
    {
        List<Target> targets = new ArrayList<>();
        for (String mode : List.of(ScalingBenchmark.THREADS, ScalingBenchmark.PROCESSES_MODE)) {
            targets.add(efficiency(settings, scaling, mode, 64, 0.95));
            targets.add(efficiency(settings, scaling, mode, 256, 0.85));
        }
        targets.addAll(overhead(settings, overhead));
        targets.add(growth(settings, growth));
        targets.addAll(season(settings, season));
        return targets;
    }

    private static Target efficiency(BenchSettings settings, ScalingResult scaling, String mode, int slots, double minimum)
    {
        String name = "marginal parallel efficiency, W = " + slots + ", " + (mode.equals(ScalingBenchmark.THREADS) ? "threads" : "4 processes");
        String target = ">= " + minimum + " (L = 100 ms)";
        String reproduce = settings.reproduce("scaling", "--slots 1," + slots);
        if (scaling == null) {
            return Target.notMeasured(name, target, "scaling not run", reproduce);
        }
        Optional<ScalingPoint> point = scaling.point(mode, slots);
        if (point.isEmpty()) {
            return Target.notMeasured(name, target, "W = " + slots + " not among --slots", reproduce);
        }
        double value = point.get().marginalEfficiency();
        return Target.judged(name, target, format("%.3f (with launch walls %.3f; N x L / W / wall of the 2N run %.3f)", value,
                point.get().marginalEfficiencyLaunchWall(), point.get().doubled().efficiency()), value >= minimum, reproduce);
    }

    private static List<Target> overhead(BenchSettings settings, OverheadResult overhead)
    {
        String reproduce = settings.reproduce("overhead", "");
        String overheadName = "fleet overhead per date (claim + heartbeat + complete + ack), embedded, median";
        String enqueueName = "enqueue rate, embedded";
        String drainName = "one worker draining at L = 0, " + String.format(Locale.ROOT, "%,d", settings.drainSmallBacklog()) + " queued";
        String backlogName = "one worker, time per date with " + String.format(Locale.ROOT, "%,d", settings.drainLargeBacklog()) + " queued against "
                + String.format(Locale.ROOT, "%,d", settings.drainSmallBacklog());
        if (overhead == null) {
            return List.of(
                    Target.notMeasured(overheadName, "<= 1 ms", "overhead not run", reproduce),
                    Target.notMeasured(enqueueName, ">= 20,000 dates/s", "overhead not run", reproduce),
                    Target.notMeasured(drainName, ">= 1,000 dates/s", "overhead not run", reproduce),
                    Target.notMeasured(backlogName, "<= 1.5x", "overhead not run", reproduce));
        }
        BackendOverhead embedded = overhead.backends().get(0);
        DrainRun small = overhead.drains().get(0);
        DrainRun large = overhead.drains().get(1);
        List<Target> targets = new ArrayList<>();
        targets.add(Target.judged(overheadName, "<= 1 ms", format("%.3f ms (p99 %.3f ms, %,d dates)", embedded.overhead().medianMs(), embedded.overhead().p99Ms(),
                embedded.overhead().count()), embedded.overhead().medianMs() <= 1.0, reproduce));
        targets.add(Target.judged(enqueueName, ">= 20,000 dates/s", format("%,.0f dates/s (%,d dates)", embedded.enqueueDatesPerSecond(), embedded.enqueueDates()),
                embedded.enqueueDatesPerSecond() >= 20_000, reproduce));
        targets.add(Target.judged(drainName, ">= 1,000 dates/s", format("%,.0f dates/s", small.datesPerSecond()), small.datesPerSecond() >= 1_000, reproduce));
        String measured = format("%.2fx (%.3f ms against %.3f ms per date, first %,d drained%s)", overhead.largeBacklogSlowdown(), large.msPerDate(), small.msPerDate(),
                large.measured(), large.note().isEmpty() ? "" : "; " + large.note());
        if (large.queued() < LARGEST_GROWTH_SIZE) {
            targets.add(Target.notMeasured(backlogName, "<= 1.5x with 1,000,000 queued", measured + "; not 1,000,000 queued", reproduce));
        }
        else {
            targets.add(Target.judged(backlogName, "<= 1.5x", measured, overhead.largeBacklogSlowdown() <= 1.5, reproduce));
        }
        return targets;
    }

    private static Target growth(BenchSettings settings, GrowthResult growth)
    {
        String name = "no verb's time per date grows more than 2x from 1,000 to 1,000,000 dates";
        String reproduce = settings.reproduce("growth", "");
        if (growth == null) {
            return Target.notMeasured(name, "<= 2x", "growth not run", reproduce);
        }
        List<String> flagged = growth.growth().stream().filter(VerbGrowth::flagged).map(each -> format("%s %.1fx", each.verb(), each.ratio())).toList();
        Optional<VerbGrowth> worst = growth.growth().stream().max(java.util.Comparator.comparingDouble(VerbGrowth::ratio));
        String measured = (flagged.isEmpty() ? "none above 2x" : "above 2x: " + String.join(", ", flagged))
                + worst.map(each -> format("; largest %s %.2fx (%,d to %,d)", each.verb(), each.ratio(), each.fromDates(), each.toDates())).orElse("");
        boolean complete = growth.sizes().contains(1_000) && growth.sizes().contains(LARGEST_GROWTH_SIZE)
                && growth.costs().stream().filter(cost -> cost.dates() == LARGEST_GROWTH_SIZE).allMatch(cost -> cost.seconds() != null);
        if (!complete) {
            return Target.notMeasured(name, "<= 2x", measured + "; not every verb measured at 1,000 and 1,000,000", reproduce);
        }
        return Target.judged(name, "<= 2x", measured, flagged.isEmpty(), reproduce);
    }

    private static List<Target> season(BenchSettings settings, SeasonResult season)
    {
        String reproduce = settings.reproduce("season", "");
        String seasonName = "a season of all five tables after seeding (coordinator run --table all --range " + dev.backfillfleet.bench.season.SeasonBenchmark.SEASON + ")";
        String seedName = "the demo league seeds (coordinator demo-data)";
        String smallHeapName = "the season with one worker --concurrency 4 under -Xmx256m";
        if (season == null) {
            return List.of(
                    Target.notMeasured(seasonName, "< 20 s", "season not run", reproduce),
                    Target.notMeasured(seedName, "< 10 s", "season not run", reproduce),
                    Target.notMeasured(smallHeapName, "completes", "season not run", reproduce));
        }
        List<Target> targets = new ArrayList<>();
        String run = format("%.1f s (process wall; first start to last finish %.1f s)", season.run().wallSeconds(), season.runActiveSeconds());
        if (season.tables().equals("all") && season.range().equals(dev.backfillfleet.bench.season.SeasonBenchmark.SEASON)) {
            targets.add(Target.judged(seasonName, "< 20 s", run, season.run().wallSeconds() < 20, reproduce));
        }
        else {
            targets.add(Target.notMeasured(seasonName, "< 20 s", "--quick ran " + season.tables() + " over " + season.range() + ": " + run, reproduce));
        }
        if (season.seeding() == null) {
            targets.add(Target.notMeasured(seedName, "< 10 s", "--quick does not seed the whole league", reproduce));
        }
        else {
            targets.add(Target.judged(seedName, "< 10 s", format("%.1f s (peak RSS %.0f MB)", season.seeding().wallSeconds(), season.seeding().peakRssMb()),
                    season.seeding().wallSeconds() < 10, reproduce));
        }
        targets.add(Target.judged(smallHeapName, "completes", season.smallHeapOutcome() + format(", %.1f s", season.smallHeapWorker().wallSeconds()),
                season.smallHeapCompleted(), reproduce));
        return targets;
    }

    private static String format(String format, Object... args)
    {
        return String.format(Locale.ROOT, format, args);
    }
}
