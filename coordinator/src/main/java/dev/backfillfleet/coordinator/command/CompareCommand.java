package dev.backfillfleet.coordinator.command;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableSelection;
import dev.backfillfleet.cli.BackendOptions;
import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.coordinator.FleetConnection;
import dev.backfillfleet.coordinator.compare.CompareKey;
import dev.backfillfleet.coordinator.compare.ComparedValue;
import dev.backfillfleet.coordinator.compare.TableComparison;
import dev.backfillfleet.coordinator.output.JsonOutput;
import dev.backfillfleet.domain.DateSelection;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Compares our partition of each date with the same date of another table of the warehouse (e.g. the one an existing",
                "pipeline fills) on the columns both have, matched on the table's key (a built-in table: the real table's MERGE key;",
                "a catalog table: derived). Lists the rows on one side only and, per column, how many values differ, with examples.",
                "Numbers are compared at the coarser of the two columns' scales (FLOAT64 rounded to " + ComparedValue.FLOAT_DECIMALS
                        + " decimals). Reads both tables, writes nothing.",
                "Exits 0 when they are equal, 1 when they differ."},
        footer = ExitCodes.HELP_FOOTER)
public final class CompareCommand
        implements Callable<Integer>
{
    /** Bookkeeping columns: when and how each pipeline wrote the row (the real data_hash covers another field set), so never equal. */
    static final String DEFAULT_IGNORED = "processed_at,data_hash";
    private static final int ROWS_LISTED = 20;

    @Mixin
    BackendOptions backend = new BackendOptions();

    @Mixin
    DateOptions dates = new DateOptions();

    @Option(names = "--table", required = true, paramLabel = "T", description = "Our table (name or short name).")
    String table;

    @Option(names = "--with", required = true, paramLabel = "DATASET.TABLE", description = "The other table, in this warehouse "
            + "(on BigQuery, a dataset of the configured project, named as in BigQuery, not mapped through the configured datasets).")
    String with;

    @Option(names = "--ignore", paramLabel = "C1,C2", defaultValue = DEFAULT_IGNORED,
            description = "Shared columns not to compare (default ${DEFAULT-VALUE}; 'none' compares every shared column).")
    String ignore;

    @Option(names = "--json", description = "One JSON document: {table, ours, with, selection, key, keySource, columns: {compared, ignored, "
            + "onlyOurs, onlyTheirs}, rows: {ours, theirs, matched}, onlyOurs, onlyTheirs, repeatedKeys, differences: {column: "
            + "{count, examples: [{key, ours, theirs}]}}, equal}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        DateSelection selection = dates.required();
        TableRef other = otherTable();
        Set<String> ignored = ignoredColumns();
        try (FleetConnection fleet = FleetConnection.readOnly(backend.load())) {
            TableCatalog catalog = fleet.catalog();
            TableDefinition definition = catalog.definition(TableSelection.parseOne(table, catalog));
            if (definition.ref().equals(other)) {
                throw FleetException.userError("--with " + other + " is " + definition.name() + " itself; name the other pipeline's table");
            }
            Warehouse warehouse = fleet.warehouse();
            Map<String, Column> theirColumns = warehouse.describeTable(other)
                    .orElseThrow(() -> FleetException.userError("--with " + other + ": no such table in the warehouse; name an existing DATASET.TABLE"))
                    .stream().collect(Collectors.toMap(Column::name, Function.identity(), (first, second) -> first, LinkedHashMap::new));
            String partitionColumn = definition.partitionColumn();
            if (!theirColumns.containsKey(partitionColumn)) {
                throw FleetException.userError("--with " + other + " has no column " + partitionColumn + ", the date compare matches on");
            }
            List<Column> shared = definition.columns().stream().filter(column -> theirColumns.containsKey(column.name())).toList();
            List<Row> ours = onDates(warehouse.read(definition.ref(), selection.span(), definition.schema().columnNames()), partitionColumn, selection);
            List<Row> theirs = onDates(warehouse.readColumns(other, partitionColumn, selection.span(),
                    shared.stream().map(column -> theirColumns.get(column.name())).toList()), partitionColumn, selection);
            CompareKey key = key(definition, ours.isEmpty() ? theirs : ours);
            List<String> lacking = key.columns().stream().filter(column -> !theirColumns.containsKey(column)).toList();
            if (!lacking.isEmpty()) {
                throw FleetException.userError("--with " + other + " lacks the key column(s) " + String.join(", ", lacking) + " of " + definition.name()
                        + " (" + key.source() + ")");
            }
            Map<Column, Column> compared = new LinkedHashMap<>();
            shared.stream()
                    .filter(column -> !key.columns().contains(column.name()) && !ignored.contains(column.name()))
                    .forEach(column -> compared.put(column, theirColumns.get(column.name())));
            List<Column> keyColumns = definition.schema().columns(key.columns());
            TableComparison comparison = TableComparison.of(ours, theirs, keyColumns, compared);
            Columns columns = new Columns(
                    comparison.comparedColumns(),
                    shared.stream().map(Column::name).filter(ignored::contains).toList(),
                    definition.columns().stream().map(Column::name).filter(name -> !theirColumns.containsKey(name)).toList(),
                    theirColumns.keySet().stream().filter(name -> definition.schema().column(name).isEmpty()).toList());
            // where our table is in this warehouse: on BigQuery its dataset may be mapped to a shadow one
            String ourName = warehouse.sqlTableName(definition.ref()).replace("`", "");
            if (json) {
                JsonOutput.print(out, toJson(definition, ourName, other, selection, key, columns, comparison));
            }
            else {
                printReport(out, definition, ourName, other, selection, key, columns, comparison);
            }
            return comparison.equal() ? ExitCodes.SUCCESS : ExitCodes.FAILED;
        }
    }

    /** The columns of both tables, by how they take part. */
    private record Columns(List<String> compared, List<String> ignored, List<String> onlyOurs, List<String> onlyTheirs) {}

    private TableRef otherTable()
    {
        try {
            return TableRef.parse(with.strip());
        }
        catch (IllegalArgumentException e) {
            throw FleetException.userError("--with '" + with + "' is not DATASET.TABLE (lower snake case, e.g. nba_analytics.team_offense_game_summary)");
        }
    }

    private Set<String> ignoredColumns()
    {
        if (ignore.isBlank() || ignore.strip().equals("none")) {
            return Set.of();
        }
        return Arrays.stream(ignore.split(",")).map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static CompareKey key(TableDefinition definition, List<Row> rows)
    {
        try {
            return CompareKey.of(definition, rows);
        }
        catch (CompareKey.KeyNotFound e) {
            throw FleetException.userError(e.getMessage());
        }
    }

    /** The rows whose date is one asked for (a --dates list reads its span). */
    private static List<Row> onDates(List<Row> rows, String partitionColumn, DateSelection selection)
    {
        return rows.stream()
                .filter(row -> ComparedValue.canonical(row.get(partitionColumn), ColumnType.DATE, 0) instanceof LocalDate date && selection.dates().contains(date))
                .toList();
    }

    private static void printReport(PrintWriter out, TableDefinition definition, String ourName, TableRef other, DateSelection selection, CompareKey key, Columns columns,
            TableComparison comparison)
    {
        out.printf("Comparing %s (ours: %s) with %s on %s, matched on %s (%s).%n", definition.name(), ourName, other, selection,
                String.join(", ", key.columns()), key.source());
        out.printf("Compared columns (%d): %s%n", columns.compared().size(), list(columns.compared()));
        if (!columns.ignored().isEmpty()) {
            out.printf("Not compared (--ignore): %s%n", list(columns.ignored()));
        }
        out.printf("Only in ours (%d): %s%n", columns.onlyOurs().size(), list(columns.onlyOurs()));
        out.printf("Only in %s (%d): %s%n", other, columns.onlyTheirs().size(), list(columns.onlyTheirs()));
        out.printf("Rows: %d ours, %d theirs, %d matched.%n", comparison.ourRows(), comparison.theirRows(), comparison.matchedRows());
        printKeys(out, "Rows only in ours", comparison.onlyOurs());
        printKeys(out, "Rows only in " + other, comparison.onlyTheirs());
        printKeys(out, "Keys on more than one row (the first row of each compared)", comparison.repeatedKeys());
        if (!comparison.differences().isEmpty()) {
            out.printf("%nDiffering values (of %d matched rows):%n", comparison.matchedRows());
            comparison.differences().forEach((column, difference) -> {
                out.printf("  %s: %d%n", column, difference.count());
                for (TableComparison.Example example : difference.examples()) {
                    out.printf("    %s: ours %s, theirs %s%n", showKey(example.key()), ComparedValue.show(example.ours()), ComparedValue.show(example.theirs()));
                }
            });
        }
        out.println();
        if (comparison.equal()) {
            out.printf("Equal: %d rows match on %d compared columns.%n", comparison.matchedRows(), columns.compared().size());
            return;
        }
        out.printf("They differ: %d row(s) only in ours, %d only in theirs, %d repeated key(s), %d column(s) with differing values.%n",
                comparison.onlyOurs().size(), comparison.onlyTheirs().size(), comparison.repeatedKeys().size(), comparison.differences().size());
    }

    private static void printKeys(PrintWriter out, String title, List<List<Object>> keys)
    {
        if (keys.isEmpty()) {
            return;
        }
        out.printf("%n%s (%d):%n", title, keys.size());
        keys.stream().limit(ROWS_LISTED).forEach(key -> out.printf("  %s%n", showKey(key)));
        if (keys.size() > ROWS_LISTED) {
            out.printf("  ... and %d more (--json lists all)%n", keys.size() - ROWS_LISTED);
        }
    }

    private static String showKey(List<Object> key)
    {
        return key.stream().map(value -> value instanceof String text ? text : ComparedValue.show(value)).collect(Collectors.joining(", "));
    }

    private static String list(List<String> names)
    {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }

    private static Map<String, Object> toJson(TableDefinition definition, String ourName, TableRef other, DateSelection selection, CompareKey key, Columns columns,
            TableComparison comparison)
    {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("table", definition.name());
        document.put("ours", ourName);
        document.put("with", other.toString());
        document.put("selection", selection.toString());
        document.put("key", key.columns());
        document.put("keySource", key.source());
        Map<String, Object> columnsJson = new LinkedHashMap<>();
        columnsJson.put("compared", columns.compared());
        columnsJson.put("ignored", columns.ignored());
        columnsJson.put("onlyOurs", columns.onlyOurs());
        columnsJson.put("onlyTheirs", columns.onlyTheirs());
        document.put("columns", columnsJson);
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("ours", comparison.ourRows());
        rows.put("theirs", comparison.theirRows());
        rows.put("matched", comparison.matchedRows());
        document.put("rows", rows);
        document.put("onlyOurs", comparison.onlyOurs().stream().map(each -> keyJson(key, each)).toList());
        document.put("onlyTheirs", comparison.onlyTheirs().stream().map(each -> keyJson(key, each)).toList());
        document.put("repeatedKeys", comparison.repeatedKeys().stream().map(each -> keyJson(key, each)).toList());
        Map<String, Object> differences = new LinkedHashMap<>();
        comparison.differences().forEach((column, difference) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("count", difference.count());
            List<Map<String, Object>> examples = new ArrayList<>();
            for (TableComparison.Example example : difference.examples()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("key", keyJson(key, example.key()));
                json.put("ours", jsonValue(example.ours()));
                json.put("theirs", jsonValue(example.theirs()));
                examples.add(json);
            }
            entry.put("examples", examples);
            differences.put(column, entry);
        });
        document.put("differences", differences);
        document.put("equal", comparison.equal());
        return document;
    }

    private static Map<String, Object> keyJson(CompareKey key, List<Object> values)
    {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < key.columns().size(); i++) {
            json.put(key.columns().get(i), jsonValue(values.get(i)));
        }
        return json;
    }

    /** A value as JSON holds it: numbers and booleans as they are, dates and times as ISO text. */
    private static Object jsonValue(Object value)
    {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double
                || value instanceof BigDecimal) {
            return value;
        }
        return value.toString();
    }
}
