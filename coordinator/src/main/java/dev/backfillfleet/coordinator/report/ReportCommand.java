package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.FleetConfig;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.command.DateOptions;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.TableSelection;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Writes a self-contained HTML report: a calendar heatmap per table and the failures by cause.",
                "One file, no external resources: per table a summary, one cell per date coloured by state (hover or click a",
                "date for rows written/expected, duration, attempts and error) and the failures grouped by cause. Open it in",
                "any browser, attach it to a ticket, keep it as a CI artefact."},
        footer = ExitCodes.HELP_FOOTER)
public final class ReportCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "Where to write the page (its directory must exist).")
    Path out;

    @Option(names = "--table", paramLabel = "T[,T2|all]", description = "Table(s) (default: every table with dates recorded in the range).")
    String table;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter console = spec.commandLine().getOut();
        DateRange range = dates.required().span();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw FleetException.userError("--out " + out + ": directory " + parent + " does not exist; create it (mkdir -p " + parent + ") or name a file elsewhere");
        }
        if (Files.isDirectory(out)) {
            throw FleetException.userError("--out " + out + " is a directory: name the file to write, e.g. --out " + out.resolve("report.html"));
        }
        FleetConfig config = backend.load();
        try (FleetConnection fleet = FleetConnection.readOnly(config)) {
            List<TableReport> tables = tableReports(fleet.stateStore(), range);
            String page = HtmlReport.render(range, tables, Clock.systemUTC().instant(), source(config));
            write(page);
            console.printf("Wrote %s: %d %s, %s (%,d bytes). Open it in a browser.%n", out, tables.size(), tables.size() == 1 ? "table" : "tables",
                    range, page.getBytes(StandardCharsets.UTF_8).length);
            return ExitCodes.SUCCESS;
        }
    }

    private List<TableReport> tableReports(StateStore stateStore, DateRange range)
    {
        List<AnalyticsTable> tables = table == null ? Arrays.asList(AnalyticsTable.values()) : TableSelection.parse(table);
        List<TableReport> reports = new ArrayList<>();
        for (AnalyticsTable each : tables) {
            TableReport report = new TableReport(each, range, stateStore.list(each, Optional.of(range), Set.of()));
            if (table != null || !report.records().isEmpty()) {
                reports.add(report);
            }
        }
        return reports;
    }

    private void write(String page)
    {
        try {
            Files.writeString(out, page, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw FleetException.userError("cannot write --out " + out + " (" + e.getMessage() + "): check that this user may write there, or name another file");
        }
    }

    private static String source(FleetConfig config)
    {
        return config.stateBackend() == dev.backfillfleet.config.StateBackend.EMBEDDED
                ? "embedded (" + config.home().toAbsolutePath().normalize() + ")" : config.stateBackend().configName();
    }
}
