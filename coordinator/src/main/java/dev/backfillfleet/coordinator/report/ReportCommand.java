package dev.backfillfleet.coordinator.report;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.config.Configuration;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.command.DateOptions;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.AdapterInUse;
import dev.backfillfleet.provision.Port;
import dev.backfillfleet.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

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
    private static final int SLICE_DAYS = 10_000;

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
        Configuration config = backend.load();
        try (FleetConnection fleet = FleetConnection.readOnly(config)) {
            RecordSource records = (each, action) -> forEachRecord(fleet.stateStore(), each, range, action);
            List<TableReport> tables = tableReports(records, fleet.catalog(), range);
            long bytes = write(writer -> HtmlReport.write(writer, range, tables, records, fleet.clock().instant(), source(fleet)));
            console.printf("Wrote %s: %d %s, %s (%,d bytes). Open it in a browser.%n", out, tables.size(), tables.size() == 1 ? "table" : "tables",
                    range, bytes);
            return ExitCodes.SUCCESS;
        }
    }

    /** The table's records in the range, read {@value #SLICE_DAYS} days at a time, so that no read holds the whole range. */
    private static void forEachRecord(StateStore stateStore, AnalyticsTable table, DateRange range, Consumer<DateRecord> action)
    {
        for (LocalDate first = range.first(); !first.isAfter(range.last()); first = first.plusDays(SLICE_DAYS)) {
            LocalDate last = first.plusDays(SLICE_DAYS - 1);
            DateRange slice = DateRange.of(first, last.isAfter(range.last()) ? range.last() : last);
            stateStore.list(table, Optional.of(slice), Set.of()).forEach(action);
        }
    }

    private List<TableReport> tableReports(RecordSource records, TableCatalog catalog, DateRange range)
    {
        List<AnalyticsTable> tables = table == null ? catalog.tables() : TableSelection.parse(table, catalog);
        List<TableReport> reports = new ArrayList<>();
        for (AnalyticsTable each : tables) {
            TableReport report = new TableReport(each, range);
            records.forEach(each, report::add);
            if (table != null || report.hasRecords()) {
                reports.add(report);
            }
        }
        return reports;
    }

    @FunctionalInterface
    private interface PageWriter
    {
        void write(Writer writer)
                throws IOException;
    }

    /** Writes the page next to --out and moves it there whole: a failure leaves no half-written report. */
    private long write(PageWriter page)
    {
        Path target = out.toAbsolutePath();
        Path partial = null;
        try {
            // not Files.createTempFile, whose file is private to its owner; this one gets the umask's permissions, as --out would
            partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                page.write(writer);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        }
        catch (IOException e) {
            throw FleetException.userError("cannot write --out " + out + " (" + e.getMessage() + "): check that this user may write there, or name another file");
        }
        finally {
            deleteQuietly(partial);
        }
    }

    private static void deleteQuietly(Path partial)
    {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            }
            catch (IOException ignored) {
                // a leftover hidden .partial file is harmless; the report itself is whole or absent
            }
        }
    }

    /** Where the state records are, as the state adapter describes itself: {@code embedded (home /srv/backfill)}. */
    private static String source(FleetConnection fleet)
    {
        return fleet.contributions(AdapterInUse.class).stream()
                .filter(adapter -> adapter.port() == Port.STATE)
                .map(adapter -> adapter.name() + " (" + adapter.place() + ")")
                .findFirst()
                .orElseThrow();
    }
}
