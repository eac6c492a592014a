package dev.backfillfleet.bench;

import dev.backfillfleet.bench.growth.GrowthBenchmark;
import dev.backfillfleet.bench.growth.GrowthResult;
import dev.backfillfleet.bench.kinds.KindsBenchmark;
import dev.backfillfleet.bench.kinds.KindsResult;
import dev.backfillfleet.bench.machine.Machine;
import dev.backfillfleet.bench.machine.Versions;
import dev.backfillfleet.bench.output.JsonReport;
import dev.backfillfleet.bench.output.MarkdownReport;
import dev.backfillfleet.bench.overhead.OverheadBenchmark;
import dev.backfillfleet.bench.overhead.OverheadResult;
import dev.backfillfleet.bench.process.ProductLauncher;
import dev.backfillfleet.bench.process.WorkDirectory;
import dev.backfillfleet.bench.scaling.ScalingBenchmark;
import dev.backfillfleet.bench.scaling.ScalingChart;
import dev.backfillfleet.bench.scaling.ScalingResult;
import dev.backfillfleet.bench.season.SeasonBenchmark;
import dev.backfillfleet.bench.season.SeasonResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code bin/bench}: measures the fleet against the targets of issue 11; prints Markdown tables, writes JSON and a PNG. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
                "Benchmarks of backfill-fleet on the embedded backend (and the Pub/Sub and Firestore emulators where installed):",
                "  scaling   N synthetic dates of L = 100 ms over W = 1..256 slots, threads and 4 worker processes: efficiency, speed-up",
                "  overhead  claim + heartbeat + complete + ack per date and the enqueue rate; one worker draining 2,000 and 1,000,000 queued",
                "  growth    enqueue, status, watch, failed, report and verify at 1,000..1,000,000 dates: time per date and memory",
                "  season    a season of the five tables from a fresh home (seeding timed on its own), and one worker under -Xmx256m",
                "  kinds     the fleet's own cost per date of a built-in, a SQL and a command table (a program printing one row), by phase",
                "Prints the results as Markdown; writes them as JSON, and the scaling chart as a PNG. Figures, not assertions."},
        footer = "Exit codes: 0 every section ran (targets met or not), 1 a section failed, 2 bad usage.")
public final class BenchMain
        implements Callable<Integer>
{
    enum Section
    {
        SCALING, OVERHEAD, GROWTH, SEASON, KINDS;

        String cliName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", arity = "0..1", defaultValue = "all", paramLabel = "all|scaling|overhead|growth|season|kinds", description = "What to run (default all).")
    String section;

    @Option(names = "--quick", description = "Tiny sizes: a smoke check of the harness in under a minute, not figures.")
    boolean quick;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON (default bench/target/bench.json).")
    Path json;

    @Option(names = "--chart", paramLabel = "FILE", description = "Where to write the scaling PNG (default bench/target/scaling.png).")
    Path chart;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Where to write the Markdown tables (default bench/target/bench.md).")
    Path markdown;

    @Option(names = "--max-dates", paramLabel = "N", description = "Cap every number of dates at N (sizes above it are left out or capped, saying so).")
    Integer maxDates;

    @Option(names = "--slots", paramLabel = "W", split = ",", description = "Scaling: these W only (default 1,4,16,64,256; --quick 1,4).")
    List<Integer> slots;

    @Option(names = "--sizes", paramLabel = "N", split = ",", description = "Growth: these numbers of dates only (default 1000,10000,100000,1000000; --quick 100,1000).")
    List<Integer> sizes;

    @Option(names = "--emulators", negatable = true, description = "Overhead on the Pub/Sub and Firestore emulators too, when installed (default: yes, no with --quick).")
    Boolean emulators;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the temporary homes go (default: a new directory under the system's temp directory).")
    Path work;

    @Option(names = "--keep", description = "Keep the homes and logs in --work afterwards.")
    boolean keep;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "${sys:bench.root:-.}", description = "The checkout (default: set by bin/bench).")
    Path root;

    @Option(names = "--chart-from", paramLabel = "JSON", description = "Measure nothing: draw the scaling chart (--chart) from the JSON of an earlier run.")
    Path chartFrom;

    @Option(names = "--launch", paramLabel = "jar|classpath", defaultValue = "jar", hidden = true,
            description = "jar: the product's processes from standalone/target and worker/target (bin/bench); classpath: this JVM's class path (tests).")
    String launch;

    public static void main(String[] args)
    {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    public static int execute(String... args)
    {
        return new CommandLine(new BenchMain()).execute(args);
    }

    @Override
    public Integer call()
            throws IOException, InterruptedException
    {
        Set<Section> sections = sections();
        Path checkout = root.toAbsolutePath().normalize();
        if (chartFrom != null) {
            Path chartFile = output(chart, checkout, "scaling.png");
            ScalingChart.write(JsonReport.read(chartFrom).scaling(), chartFile);
            System.out.println("Wrote " + chartFile + " from " + chartFrom + ".");
            return 0;
        }
        Path workRoot = work != null ? work : Files.createTempDirectory("backfill-bench");
        ProductLauncher launcher = new ProductLauncher(ProductLauncher.Mode.parse(launch), checkout, workRoot, quick ? ProductLauncher.FAST_START : List.of());
        launcher.checkJars();
        BenchSettings settings = new BenchSettings(quick, maxDates == null ? OptionalInt.empty() : OptionalInt.of(maxDates),
                slots != null ? slots : quick ? BenchSettings.QUICK_SLOTS : BenchSettings.FULL_SLOTS,
                sizes != null ? sizes : quick ? BenchSettings.QUICK_GROWTH_SIZES : BenchSettings.FULL_GROWTH_SIZES,
                emulators != null ? emulators : !quick, new WorkDirectory(workRoot, keep), launcher);
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        String loadAtStart = Machine.loadAverage();
        Progress.say("backfill-fleet bench %s%s: homes in %s, load average %s", section, quick ? " --quick" : "", workRoot, loadAtStart);

        Map<String, String> errors = new LinkedHashMap<>();
        ScalingResult scaling = sections.contains(Section.SCALING) ? attempt(Section.SCALING, errors, () -> new ScalingBenchmark(settings).run()) : null;
        OverheadResult overhead = sections.contains(Section.OVERHEAD) ? attempt(Section.OVERHEAD, errors, () -> new OverheadBenchmark(settings).run()) : null;
        GrowthResult growth = sections.contains(Section.GROWTH) ? attempt(Section.GROWTH, errors, () -> new GrowthBenchmark(settings).run()) : null;
        SeasonResult season = sections.contains(Section.SEASON) ? attempt(Section.SEASON, errors, () -> new SeasonBenchmark(settings).run()) : null;
        KindsResult kinds = sections.contains(Section.KINDS) ? attempt(Section.KINDS, errors, () -> new KindsBenchmark(settings).run()) : null;
        if (!keep && work == null) {
            WorkDirectory.delete(workRoot);
        }

        BenchReport report = new BenchReport(commandLine(), quick, started.truncatedTo(ChronoUnit.SECONDS).toString(), (System.nanoTime() - startNanos) / 1e9,
                loadAtStart, Machine.loadAverage(), Machine.describe(), Versions.describe(checkout), scaling, overhead, growth, season, kinds, errors,
                Targets.judge(settings, scaling, overhead, growth, season));
        Path jsonFile = output(json, checkout, "bench.json");
        JsonReport.write(report, jsonFile);
        String tables = MarkdownReport.render(report);
        Path markdownFile = output(markdown, checkout, "bench.md");
        Files.writeString(markdownFile, tables, StandardCharsets.UTF_8);
        List<Path> written = new ArrayList<>(List.of(jsonFile, markdownFile));
        if (scaling != null) {
            Path chartFile = output(chart, checkout, "scaling.png");
            ScalingChart.write(scaling, chartFile);
            written.add(chartFile);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.println(tables);
        out.printf("Wrote %s in %.0f s.%n", String.join(", ", written.stream().map(Path::toString).toList()), report.durationSeconds());
        out.flush();
        return errors.isEmpty() ? 0 : 1;
    }

    private Set<Section> sections()
    {
        if (section.equals("all")) {
            return EnumSet.allOf(Section.class);
        }
        for (Section each : Section.values()) {
            if (each.cliName().equals(section)) {
                return EnumSet.of(each);
            }
        }
        throw new CommandLine.ParameterException(new CommandLine(this), "unknown section '" + section + "': all, scaling, overhead, growth, season or kinds");
    }

    private String commandLine()
    {
        StringBuilder command = new StringBuilder("bin/bench ").append(section);
        if (quick) {
            command.append(" --quick");
        }
        if (maxDates != null) {
            command.append(" --max-dates ").append(maxDates);
        }
        if (slots != null) {
            command.append(" --slots ").append(String.join(",", slots.stream().map(String::valueOf).toList()));
        }
        if (sizes != null) {
            command.append(" --sizes ").append(String.join(",", sizes.stream().map(String::valueOf).toList()));
        }
        if (emulators != null) {
            command.append(emulators ? " --emulators" : " --no-emulators");
        }
        return command.toString();
    }

    private static Path output(Path chosen, Path checkout, String name)
            throws IOException
    {
        Path file = chosen != null ? chosen : checkout.resolve("bench").resolve("target").resolve(name);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }

    /** Runs one section; a failure is recorded (and printed) and the other sections still run. */
    private static <T> T attempt(Section section, Map<String, String> errors, SectionRun<T> run)
    {
        try {
            return run.run();
        }
        catch (Exception | OutOfMemoryError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Progress.say("%s failed: %s", section.cliName(), e);
            e.printStackTrace(System.err);
            errors.put(section.cliName(), String.valueOf(e.getMessage()));
            return null;
        }
    }

    @FunctionalInterface
    private interface SectionRun<T>
    {
        T run()
                throws Exception;
    }
}
