package dev.backfillfleet.bench.output;

import dev.backfillfleet.bench.BenchReport;
import dev.backfillfleet.bench.Target;
import dev.backfillfleet.bench.growth.GrowthResult;
import dev.backfillfleet.bench.growth.VerbCost;
import dev.backfillfleet.bench.growth.VerbGrowth;
import dev.backfillfleet.bench.kinds.KindCost;
import dev.backfillfleet.bench.kinds.KindsResult;
import dev.backfillfleet.bench.kinds.ProgramCost;
import dev.backfillfleet.bench.overhead.BackendOverhead;
import dev.backfillfleet.bench.overhead.DrainRun;
import dev.backfillfleet.bench.overhead.OverheadResult;
import dev.backfillfleet.bench.scaling.ScalingPoint;
import dev.backfillfleet.bench.scaling.ScalingResult;
import dev.backfillfleet.bench.season.ProcessRun;
import dev.backfillfleet.bench.season.SeasonResult;
import dev.backfillfleet.bench.season.TableThroughput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The report as Markdown tables, to print and to paste into docs/benchmarks.md. */
public final class MarkdownReport
{
    private MarkdownReport() {}

    public static String render(BenchReport report)
    {
        StringBuilder out = new StringBuilder();
        out.append(format("Measured %s with `%s` in %.0f s%s. Machine: %d cores (%s), %.1f GiB, %s. Java %s, sqlite-jdbc %s (SQLite %s), commit %s%s. "
                        + "Load average (1, 5, 15 min) %s at the start, %s at the end.%n%n",
                report.startedAt(), report.command(), report.durationSeconds(), report.quick() ? " (--quick: tiny sizes, a smoke check, not figures)" : "",
                report.machine().cores(), report.machine().cpuModel(), report.machine().memoryBytes() / (1024.0 * 1024 * 1024), report.machine().os(),
                report.versions().java(), report.versions().sqliteJdbc(), report.versions().sqlite(), shortCommit(report.versions().gitCommit()),
                report.versions().gitDirty() ? " (with uncommitted changes)" : "", report.loadAverageAtStart(), report.loadAverageAtEnd()));
        targets(out, report.targets());
        if (report.scaling() != null) {
            scaling(out, report.scaling());
        }
        if (report.overhead() != null) {
            overhead(out, report.overhead());
        }
        if (report.growth() != null) {
            growth(out, report.growth());
        }
        if (report.season() != null) {
            season(out, report.season());
        }
        if (report.kinds() != null) {
            kinds(out, report.kinds());
        }
        report.errors().forEach((section, error) -> out.append(format("**%s failed:** %s%n%n", section, error)));
        return out.toString();
    }

    private static void targets(StringBuilder out, List<Target> targets)
    {
        out.append("### Targets\n\n");
        table(out, List.of("target", "wanted", "measured", "", "reproduce"), targets.stream()
                .map(target -> List.of(target.name(), target.target(), target.measured(), mark(target.status()), "`" + target.reproduce() + "`"))
                .toList());
    }

    private static void scaling(StringBuilder out, ScalingResult scaling)
    {
        out.append(format("### Scaling: synthetic dates, L = %d ms, %s%n%n", scaling.latencyMs(), scaling.datesRule()));
        List<List<String>> rows = new ArrayList<>();
        for (ScalingPoint point : scaling.points()) {
            rows.add(List.of(point.mode(), Integer.toString(point.slots()), Integer.toString(point.processes()), format("%,d", point.base().dates()),
                    format("%.2f / %.2f", point.base().wallSeconds(), point.base().activeSeconds()),
                    format("%.2f / %.2f", point.doubled().wallSeconds(), point.doubled().activeSeconds()), format("%,.0f", point.doubled().datesPerSecond()),
                    format("%.3f", point.doubled().efficiency()), format("%.3f", point.marginalEfficiency()), format("%.3f", point.marginalEfficiencyLaunchWall()),
                    orDash(point.speedUp()), orDash(point.marginalSpeedUp())));
        }
        table(out, List.of("mode", "W", "processes", "N", "wall / active, N (s)", "wall / active, 2N (s)", "dates/s (2N)", "efficiency (2N)", "marginal efficiency",
                "marginal, launch wall", "speed-up", "marginal speed-up"), rows);
        out.append(format("%s.%n%n", scaling.method()));
    }

    private static void overhead(StringBuilder out, OverheadResult overhead)
    {
        out.append("### Overhead of the fleet per date (L = 0)\n\n");
        table(out, List.of("backend", "enqueue (dates/s)", "dates", "overhead median (ms)", "p95 (ms)", "p99 (ms)", "measured dates"), overhead.backends().stream()
                .map(each -> List.of(each.backend(), format("%,.0f", each.enqueueDatesPerSecond()), format("%,d", each.enqueueDates()),
                        format("%.3f", each.overhead().medianMs()), format("%.3f", each.overhead().p95Ms()), format("%.3f", each.overhead().p99Ms()),
                        format("%,d", each.overhead().count())))
                .toList());
        out.append(format("Emulators: %s.%n%n", overhead.emulators()));
        table(out, List.of("one worker, queued", "measured (completions)", "slots", "dates/s", "ms per date", "process wall (s)", "peak RSS (MB)", "note"),
                overhead.drains().stream()
                        .map(each -> List.of(format("%,d", each.queued()), format("%,d..%,d", each.skipped() + 1, each.measured()), Integer.toString(each.concurrency()),
                                format("%,.0f", each.datesPerSecond()), format("%.3f", each.msPerDate()), format("%.1f", each.processSeconds()),
                                format("%.0f", each.peakRssKb() / 1024.0), each.note()))
                        .toList());
        out.append(format("Time per date with the large backlog: %.2fx that with the small one. %s.%n%n", overhead.largeBacklogSlowdown(), overhead.method()));
        overhead.drains().stream().findFirst().map(DrainRun::command).ifPresent(command -> out.append(format("Drain command: `%s`.%n%n", command)));
        overhead.backends().stream().findFirst().map(BackendOverhead::command).ifPresent(command -> out.append(format("Probe command: `%s`.%n%n", command)));
    }

    private static void growth(StringBuilder out, GrowthResult growth)
    {
        out.append("### Cost growth of the coordinator's verbs\n\n");
        List<String> verbs = growth.costs().stream().map(VerbCost::verb).distinct().toList();
        List<String> headers = new ArrayList<>(List.of("verb"));
        growth.sizes().forEach(size -> headers.add(format("%,d dates", size)));
        headers.addAll(List.of("growth per date", "flag"));
        List<List<String>> time = new ArrayList<>();
        List<List<String>> memory = new ArrayList<>();
        for (String verb : verbs) {
            List<String> timeRow = new ArrayList<>(List.of(verb));
            List<String> memoryRow = new ArrayList<>(List.of(verb));
            for (int size : growth.sizes()) {
                Optional<VerbCost> cost = growth.costs().stream().filter(each -> each.verb().equals(verb) && each.dates() == size).findFirst();
                timeRow.add(cost.map(each -> each.seconds() == null ? "skipped" : format("%.3f s = %.2f us", each.seconds(), each.microsPerDate())).orElse("-"));
                memoryRow.add(cost.map(each -> each.seconds() == null ? "skipped" : format("%.0f MB (%.0f MB allocated)", each.peakHeapMb(), each.allocatedMb()))
                        .orElse("-"));
            }
            Optional<VerbGrowth> change = growth.growth().stream().filter(each -> each.verb().equals(verb)).findFirst();
            timeRow.add(change.map(each -> format("%.2fx", each.ratio())).orElse("-"));
            timeRow.add(change.map(each -> each.flagged() ? "**> " + growth.flagAbove() + "x**" : "").orElse(""));
            time.add(timeRow);
            memory.add(memoryRow);
        }
        out.append("Time (and per date):\n\n");
        table(out, headers, time);
        out.append("Peak heap during the verb (and allocated by it):\n\n");
        table(out, headers.subList(0, headers.size() - 2), memory);
        growth.costs().stream().filter(each -> each.skipped() != null)
                .forEach(each -> out.append(format("- %s at %,d dates skipped: %s%n", each.verb(), each.dates(), each.skipped())));
        out.append(format("%n%s.%n%n", growth.method()));
    }

    private static void kinds(StringBuilder out, KindsResult kinds)
    {
        out.append("### The fleet's own cost per date, by kind of table\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (KindCost kind : kinds.kinds()) {
            List<String> row = new ArrayList<>(List.of(kind.kind(), format("%.3f", kind.perDate().medianMs()), format("%.3f", kind.perDate().p99Ms()),
                    format("%.3f", kind.perDate().meanMs())));
            kind.phasesMeanMs().forEach((phase, ms) -> row.add(format("%.3f", ms) + (phase.contains(": ") ? " (" + phase.substring(phase.indexOf(": ") + 2) + ")" : "")));
            rows.add(row);
        }
        List<String> phases = kinds.kinds().get(0).phasesMeanMs().keySet().stream()
                .map(phase -> (phase.contains(": ") ? phase.substring(0, phase.indexOf(": ")) : phase) + ", mean (ms)").toList();
        List<String> headers = new ArrayList<>(List.of("kind", "per date median (ms)", "p99 (ms)", "mean (ms)"));
        headers.addAll(phases);
        table(out, headers, rows);
        ProgramCost program = kinds.program();
        out.append(format("The command's program (`%s`) per date, measured apart (%d processes on the machine):%n%n", String.join(" ", program.argv()),
                program.processesOnMachine()));
        table(out, List.of("", "median (ms)", "p99 (ms)", "mean (ms)"), List.of(
                List.of("started bare: ProcessBuilder, read, wait", format("%.3f", program.bare().medianMs()), format("%.3f", program.bare().p99Ms()),
                        format("%.3f", program.bare().meanMs())),
                List.of("through CommandRunner", format("%.3f", program.commandRunner().medianMs()), format("%.3f", program.commandRunner().p99Ms()),
                        format("%.3f", program.commandRunner().meanMs())),
                List.of("of which the search for leftover processes", format("%.3f", program.leftoverSearch().medianMs()),
                        format("%.3f", program.leftoverSearch().p99Ms()), format("%.3f", program.leftoverSearch().meanMs()))));
        out.append(format("%s. Probe command: `%s`. Reproduce: `%s`.%n%n", kinds.method(), kinds.probeCommand(), kinds.reproduce()));
    }

    private static void season(StringBuilder out, SeasonResult season)
    {
        out.append(format("### A season of real tables: --table %s --range %s%n%n", season.tables(), season.range()));
        List<ProcessRun> steps = new ArrayList<>();
        Optional.ofNullable(season.seeding()).ifPresent(steps::add);
        steps.addAll(List.of(season.run(), season.smallHeapEnqueue(), season.smallHeapWorker()));
        table(out, List.of("step", "command", "wall (s)", "peak RSS (MB)", "exit"), steps.stream()
                .map(step -> List.of(step.step(), "`" + step.command() + "`", format("%.1f", step.wallSeconds()), format("%.0f", step.peakRssMb()),
                        Integer.toString(step.exitCode())))
                .toList());
        table(out, List.of("table", "dates", "SUCCEEDED", "NO_GAMES", "FAILED", "rows", "first start to last finish (s)", "dates/s", "rows/s"),
                season.throughput().stream().map(MarkdownReport::throughputRow).toList());
        out.append(format("The run's dates, all tables, first start to last finish: %.1f s. Worker under -Xmx256m: %s. %s.%n%n", season.runActiveSeconds(),
                season.smallHeapOutcome(), season.method()));
    }

    private static List<String> throughputRow(TableThroughput each)
    {
        return List.of(each.table(), format("%,d", each.dates()), format("%,d", each.succeeded()), format("%,d", each.noGames()), format("%,d", each.failed()),
                format("%,d", each.rowsWritten()), format("%.1f", each.spanSeconds()), format("%.1f", each.datesPerSecond()), format("%,.0f", each.rowsPerSecond()));
    }

    private static void table(StringBuilder out, List<String> headers, List<List<String>> rows)
    {
        out.append("| ").append(String.join(" | ", headers)).append(" |\n");
        out.append("|").append("---|".repeat(headers.size())).append('\n');
        rows.forEach(row -> out.append("| ").append(String.join(" | ", row.stream().map(cell -> cell.replace("|", "\\|")).toList())).append(" |\n"));
        out.append('\n');
    }

    private static String mark(String status)
    {
        return switch (status) {
            case Target.MET -> "**met**";
            case Target.NOT_MET -> "**not met**";
            default -> status;
        };
    }

    private static String orDash(Double value)
    {
        return value == null ? "-" : format("%.2f", value);
    }

    private static String shortCommit(String commit)
    {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private static String format(String format, Object... args)
    {
        return String.format(Locale.ROOT, format, args);
    }
}
