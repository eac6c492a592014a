package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.domain.FleetException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Loads CSV (header row of column names) or newline-delimited JSON (.json, .ndjson, .jsonl) files into a warehouse table;",
                "a real table's export imports as it is: columns the table does not hold are skipped, saying which.",
                "The partitions of the dates in the files are replaced (an unpartitioned table is replaced whole); nothing is",
                "written unless every line of every file is good. With backfill.demo-data=false the embedded warehouse starts empty.",
                "The context tables need the schedule of every season of their history whole: import a season's whole schedule."},
        footer = ExitCodes.HELP_FOOTER)
public final class ImportCommand
        implements Callable<Integer>
{
    @Mixin
    BackendOptions backend = new BackendOptions();

    @Option(names = "--table", required = true, paramLabel = "DATASET.TABLE", description = "The table, e.g. nba_raw.nbac_team_boxscore.")
    String table;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to load, by extension: .csv, or .json, .ndjson, .jsonl.")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        try (FleetConnection fleet = FleetConnection.readWrite(backend.load())) {
            SchemaCatalog catalog = fleet.injector().getInstance(SchemaCatalog.class);
            TableSchema schema = resolve(catalog, table);
            TableImport.Summary summary = TableImport.load(fleet.warehouse(), schema, files);
            if (fleet.capability(DemoData.class).filter(DemoData::seedsOnFirstUse).isPresent()) {
                spec.commandLine().getErr().println("note: backfill.demo-data is true, so the embedded warehouse holds the demo league besides these files;"
                        + " set BACKFILL_DEMO_DATA=false (or --set backfill.demo-data=false) on a fresh home for real data only.");
            }
            if (summary.partitioned()) {
                out.printf("Imported %d rows into %s from %d file(s): replaced %d partition(s), %s..%s.%n", summary.rows(), schema.ref(), files.size(),
                        summary.rowsByDate().size(), summary.rowsByDate().firstKey(), summary.rowsByDate().lastKey());
            }
            else if (schema.partitionColumn().isPresent()) {
                out.printf("The file(s) hold no rows: %s is unchanged.%n", schema.ref());
            }
            else {
                out.printf("Imported %d rows into %s from %d file(s), replacing the whole table.%n", summary.rows(), schema.ref(), files.size());
            }
            if (!summary.skippedColumns().isEmpty()) {
                out.printf("Skipped %d column(s) of the file(s) that %s does not hold (the fleet reads only its own): %s.%n",
                        summary.skippedColumns().size(), schema.ref(), names(summary.skippedColumns()));
            }
            if (summary.rowsWithoutPartitionDate() > 0) {
                out.printf("Skipped %d row(s) without %s: no read by date reaches them (BigQuery keeps them in its __NULL__ partition).%n",
                        summary.rowsWithoutPartitionDate(), schema.partitionColumn().orElseThrow());
            }
            return ExitCodes.SUCCESS;
        }
    }

    /** Up to ten names, then how many more. */
    private static String names(java.util.SortedSet<String> names)
    {
        String shown = String.join(", ", names.stream().limit(10).toList());
        return names.size() > 10 ? shown + " and " + (names.size() - 10) + " more" : shown;
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
