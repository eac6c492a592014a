package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.DemoData;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.io.TableImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Loads CSV (header row of column names) or NDJSON (.ndjson, .jsonl) files into a warehouse table.",
                "The partitions of the dates in the files are replaced (an unpartitioned table is replaced whole); nothing is",
                "written unless every line of every file is good. With backfill.demo-data=false the embedded warehouse starts empty.",
                "Records in nba_raw.input_coverage the dates the files cover, and with --covers A..B a declared range: the table",
                "then holds every row of those dates, and a date without rows had no games. The context tables need their history",
                "covered. --covers without files declares coverage only (for data loaded some other way)."},
        footer = ExitCodes.HELP_FOOTER)
public final class ImportCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--table", required = true, paramLabel = "DATASET.TABLE", description = "The table, e.g. nba_raw.nbac_team_boxscore.")
    String table;

    @Option(names = "--covers", paramLabel = "A..B", description = "Declare that after this import the table holds every row of every date from A"
            + " to B (dates without rows had no games), e.g. the whole season's schedule: --covers 2024-07-01..2025-06-30.")
    String covers;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Files to load, by extension: .csv, .ndjson or .jsonl (none: with --covers only).")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        Optional<DateRange> declared = Optional.ofNullable(covers).map(ImportCommand::parseCovers);
        if (files.isEmpty() && declared.isEmpty()) {
            throw FleetException.userError("give the files to import, or --covers A..B to declare the dates a table already covers");
        }
        try (FleetConnection fleet = FleetConnection.readWrite(backend.load())) {
            SchemaCatalog catalog = fleet.injector().getInstance(SchemaCatalog.class);
            TableSchema schema = resolve(catalog, table);
            TableImport.Summary summary = TableImport.load(fleet.warehouse(), schema, files, declared, fleet.injector().getInstance(Clock.class).instant());
            if (fleet.capability(DemoData.class).filter(DemoData::seedsOnFirstUse).isPresent()) {
                spec.commandLine().getErr().println("note: backfill.demo-data is true, so the embedded warehouse holds the demo league besides these files;"
                        + " set BACKFILL_DEMO_DATA=false (or --set backfill.demo-data=false) on a fresh home for real data only.");
            }
            if (files.isEmpty()) {
                out.printf("No files: %s is unchanged.%n", schema.ref());
            }
            else if (summary.partitioned()) {
                out.printf("Imported %d rows into %s from %d file(s): replaced %d partition(s), %s..%s.%n", summary.rows(), schema.ref(), files.size(),
                        summary.rowsByDate().size(), summary.rowsByDate().firstKey(), summary.rowsByDate().lastKey());
            }
            else if (schema.partitionColumn().isPresent()) {
                out.printf("The file(s) hold no rows: %s is unchanged.%n", schema.ref());
            }
            else {
                out.printf("Imported %d rows into %s from %d file(s), replacing the whole table.%n", summary.rows(), schema.ref(), files.size());
            }
            printCoverage(out, schema, summary, declared);
            return ExitCodes.SUCCESS;
        }
    }

    private static void printCoverage(PrintWriter out, TableSchema schema, TableImport.Summary summary, Optional<DateRange> declared)
    {
        if (schema.partitionColumn().isEmpty()) {
            return;
        }
        long runs = summary.coverage().size() - (declared.isPresent() ? 1 : 0);
        String inFiles = summary.rowsByDate().isEmpty() ? "no dates in the files"
                : "the " + summary.rowsByDate().size() + " date(s) in the files (" + runs + " run(s) of consecutive dates)";
        out.printf("Recorded coverage of %s in %s: %s%s.%n", schema.ref(), RawTables.INPUT_COVERAGE, inFiles,
                declared.map(range -> ", and " + range + " declared with --covers").orElse(""));
    }

    /** {@code A..B}, both ends inclusive. */
    static DateRange parseCovers(String text)
    {
        int separator = text.indexOf("..");
        if (separator < 0) {
            throw FleetException.userError("--covers '" + text + "' needs the form A..B, e.g. 2024-07-01..2025-06-30");
        }
        LocalDate first = DateSelection.parseDate(text.substring(0, separator).trim(), "--covers start");
        LocalDate last = DateSelection.parseDate(text.substring(separator + 2).trim(), "--covers end");
        if (last.isBefore(first)) {
            throw FleetException.userError("--covers '" + text + "' ends before it starts");
        }
        return DateRange.of(first, last);
    }

    /** {@code dataset.table}, or a table name alone when only one dataset has it. */
    static TableSchema resolve(SchemaCatalog catalog, String name)
    {
        String trimmed = name.trim();
        if (trimmed.contains(".")) {
            TableRef ref;
            try {
                ref = TableRef.parse(trimmed);
            }
            catch (IllegalArgumentException e) {
                throw FleetException.userError("'" + trimmed + "' is not a table name: expected dataset.table, e.g. nba_raw.nbac_team_boxscore");
            }
            return catalog.schema(ref);
        }
        List<TableSchema> matching = catalog.all().stream().filter(schema -> schema.ref().table().equals(trimmed)).toList();
        if (matching.size() != 1) {
            throw FleetException.userError("unknown warehouse table '" + trimmed + "': name it as dataset.table, one of "
                    + catalog.all().stream().map(schema -> schema.ref().toString()).toList());
        }
        return matching.get(0);
    }
}
