package dev.backfillfleet.coordinator.tables;

import dev.backfillfleet.catalog.CatalogChanges;
import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.DialectSql;
import dev.backfillfleet.catalog.SourceLines;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.SelectedColumn;
import dev.backfillfleet.warehouse.Warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before a catalog file is recorded, every SQL of a table it adds or changes is compiled by the
 * warehouse in use (BigQuery: a dry run; embedded: prepared against the tables' columns), and
 * what it returns is held against the table's columns: a mismatch is found here, in one line
 * naming the file, line and key, before any date runs.
 */
final class CatalogSqlCheck
{
    private CatalogSqlCheck() {}

    static void check(CatalogChanges changes, Warehouse warehouse, SourceLines lines)
    {
        TableCatalog after = changes.after();
        for (CatalogChanges.TableChange change : changes.changes()) {
            if (change.change() != CatalogChanges.Change.ADDED && change.change() != CatalogChanges.Change.CHANGED) {
                continue;
            }
            TableDefinition table = change.after().map(CatalogEntry::definition).orElseThrow();
            String key = "tables." + table.name();
            if (table.kind() instanceof TableKind.Sql sql) {
                List<SelectedColumn> returned = describe(after, table, sql.select(), warehouse, lines, key + ".sql");
                requireColumns(table, returned, lines, sqlKey(sql.select(), warehouse, key + ".sql"));
            }
            if (table.expectedRows().isPresent()) {
                String expectedKey = sqlKey(table.expectedRows().get(), warehouse, key + ".expected_rows");
                List<SelectedColumn> count = describe(after, table, table.expectedRows().get(), warehouse, lines, key + ".expected_rows");
                if (count.size() != 1 || count.get(0).type().filter(type -> type != ColumnType.INT64).isPresent()) {
                    throw lines.problem(expectedKey, "returns " + describe(count) + "; expected_rows returns one whole number, a COUNT(*) for example");
                }
            }
        }
    }

    private static List<SelectedColumn> describe(TableCatalog catalog, TableDefinition table, DialectSql sql, Warehouse warehouse, SourceLines lines, String key)
    {
        String rendered;
        try {
            rendered = catalog.render(table.name(), sql, warehouse.dialect(), warehouse::sqlTableName);
        }
        catch (FleetException e) {
            throw lines.problem(key, e.getMessage());
        }
        try {
            return warehouse.describeSelect(rendered);
        }
        catch (FleetException e) {
            throw lines.problem(sqlKey(sql, warehouse, key), e.getMessage());
        }
    }

    private static void requireColumns(TableDefinition table, List<SelectedColumn> returned, SourceLines lines, String key)
    {
        Map<String, SelectedColumn> byName = new LinkedHashMap<>();
        returned.forEach(column -> byName.put(column.name(), column));
        for (Column column : table.columns()) {
            SelectedColumn found = byName.remove(column.name());
            if (found == null) {
                throw lines.problem(key, "returns no column '" + column.name() + "' (it returns " + describe(returned) + "); name each of the table's columns");
            }
            Optional<ColumnType> type = found.type();
            if (type.isPresent() && type.get() != column.type()) {
                throw lines.problem(key, "returns column '" + column.name() + "' as " + type.get() + ", but the table's column is " + column.type()
                        + "; cast it in the query");
            }
        }
        if (!byName.isEmpty()) {
            throw lines.problem(key, "returns column(s) " + String.join(", ", byName.keySet()) + " that the table does not have; add them to columns: or leave them out");
        }
    }

    private static String sqlKey(DialectSql sql, Warehouse warehouse, String key)
    {
        return sql.isPortable() ? key : key + "." + warehouse.dialect().key();
    }

    private static String describe(List<SelectedColumn> columns)
    {
        return columns.isEmpty() ? "no column" : String.join(", ", columns.stream()
                .map(column -> column.name() + column.type().map(type -> " " + type).orElse(""))
                .toList());
    }
}
