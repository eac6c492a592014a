package dev.backfillfleet.warehouse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table's columns and partitioning, defined once in code and shared by every warehouse
 * adapter (and the deployment). A partitioned table is partitioned by a DATE column, by day.
 */
public record TableSchema(TableRef ref, List<Column> columns, Optional<String> partitionColumn)
{
    public TableSchema
    {
        requireNonNull(ref, "ref is null");
        columns = List.copyOf(columns);
        requireNonNull(partitionColumn, "partitionColumn is null");
        Map<String, Column> byName = new HashMap<>();
        for (Column column : columns) {
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException(ref + ": duplicate column " + column.name());
            }
        }
        partitionColumn.ifPresent(name -> {
            Column column = byName.get(name);
            if (column == null || column.type() != ColumnType.DATE || column.nullable()) {
                throw new IllegalArgumentException(ref + ": partition column " + name + " must be a required DATE column");
            }
        });
    }

    public static TableSchema partitioned(TableRef ref, String partitionColumn, List<Column> columns)
    {
        return new TableSchema(ref, columns, Optional.of(partitionColumn));
    }

    public static TableSchema unpartitioned(TableRef ref, List<Column> columns)
    {
        return new TableSchema(ref, columns, Optional.empty());
    }

    public Optional<Column> column(String name)
    {
        return columns.stream().filter(column -> column.name().equals(name)).findFirst();
    }

    public List<String> columnNames()
    {
        return columns.stream().map(Column::name).toList();
    }

    /** Checks one row against the schema: no unknown columns, required ones present, right types. */
    public Row validate(Row row)
    {
        for (String name : row.values().keySet()) {
            if (column(name).isEmpty()) {
                throw new IllegalArgumentException(ref + ": unknown column '" + name + "'");
            }
        }
        Map<String, Object> normalized = new HashMap<>();
        for (Column column : columns) {
            Object value = row.values().get(column.name());
            if (value == null && !column.nullable()) {
                throw new IllegalArgumentException(ref + ": required column '" + column.name() + "' is null in " + row);
            }
            normalized.put(column.name(), column.type().normalize(value));
        }
        return new Row(normalized);
    }
}
