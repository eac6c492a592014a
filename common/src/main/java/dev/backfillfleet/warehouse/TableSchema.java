package dev.backfillfleet.warehouse;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table's columns and partitioning, defined once in code and shared by every warehouse
 * adapter (and the deployment). A partitioned table is partitioned by a DATE column, by day; the
 * column may be nullable, as the real injury report's report_date is, but a row written to a
 * partition has its date.
 * A class rather than a record so that it can keep its column index: validation runs for
 * every row written (millions when the demo league is seeded).
 */
public final class TableSchema
{
    private final TableRef ref;
    private final List<Column> columns;
    private final Optional<String> partitionColumn;
    private final Map<String, Column> columnsByName;
    /** A layout of rows from a {@link RowMaker} found to be this schema's columns in order: its rows are checked by position. */
    private volatile ColumnLayout matchingLayout;

    public TableSchema(TableRef ref, List<Column> columns, Optional<String> partitionColumn)
    {
        this.ref = requireNonNull(ref, "ref is null");
        this.columns = List.copyOf(columns);
        this.partitionColumn = requireNonNull(partitionColumn, "partitionColumn is null");
        Map<String, Column> byName = new HashMap<>();
        for (Column column : this.columns) {
            if (byName.put(column.name(), column) != null) {
                throw new IllegalArgumentException(ref + ": duplicate column " + column.name());
            }
        }
        this.columnsByName = Map.copyOf(byName);
        partitionColumn.ifPresent(name -> {
            Column column = byName.get(name);
            if (column == null || column.type() != ColumnType.DATE) {
                throw new IllegalArgumentException(ref + ": partition column " + name + " must be a DATE column");
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

    public TableRef ref()
    {
        return ref;
    }

    public List<Column> columns()
    {
        return columns;
    }

    /** The columns of these names, in that order; a name the schema lacks is an IllegalArgumentException. */
    public List<Column> columns(List<String> names)
    {
        return names.stream()
                .map(name -> column(name).orElseThrow(() -> new IllegalArgumentException(ref + " has no column '" + name + "'")))
                .toList();
    }

    public Optional<String> partitionColumn()
    {
        return partitionColumn;
    }

    public Optional<Column> column(String name)
    {
        return Optional.ofNullable(columnsByName.get(name));
    }

    public List<String> columnNames()
    {
        return columns.stream().map(Column::name).toList();
    }

    /** Checks one row against the schema: no unknown columns, required ones present, right types. */
    public Row validate(Row row)
    {
        if (row.values() instanceof RowMaker.Values values && isSchemaLayout(values.layout()) && validateByPosition(values)) {
            return row;
        }
        boolean inSchemaOrder = row.values().size() == columns.size();
        int position = 0;
        for (String name : row.values().keySet()) {
            if (!columnsByName.containsKey(name)) {
                throw new IllegalArgumentException(ref + ": unknown column '" + name + "'");
            }
            inSchemaOrder &= position < columns.size() && columns.get(position++).name().equals(name);
        }
        boolean unchanged = inSchemaOrder;
        for (Column column : columns) {
            Object value = row.values().get(column.name());
            if (value == null && !column.nullable()) {
                throw new IllegalArgumentException(ref + ": required column '" + column.name() + "' is null in " + row);
            }
            unchanged &= column.normalize(value) == value;
        }
        // most rows come with every column in its type: keep them as they are (a copy per row was
        // a fifth of the seeding's CPU time, measured with JFR)
        if (unchanged) {
            return row;
        }
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Column column : columns) {
            normalized.put(column.name(), column.normalize(row.values().get(column.name())));
        }
        return new Row(normalized);
    }

    /**
     * The value of the column at {@code position} of this schema in a row it validated: read by
     * position when the row keeps this schema's layout (a {@link RowMaker}'s row in schema order),
     * by name otherwise. Writing millions of rows reads every value once (JFR: the look-up by name
     * was a tenth of the writing thread's Java time).
     */
    public Object valueAt(Row row, int position)
    {
        if (row.values() instanceof RowMaker.Values values && values.layout() == matchingLayout) {
            return values.at(position);
        }
        return row.get(columns.get(position).name());
    }

    private boolean isSchemaLayout(ColumnLayout layout)
    {
        if (layout == matchingLayout) {
            return true;
        }
        if (layout.size() != columns.size()) {
            return false;
        }
        for (int position = 0; position < columns.size(); position++) {
            if (!columns.get(position).name().equals(layout.name(position))) {
                return false;
            }
        }
        matchingLayout = layout;
        return true;
    }

    /** Whether every value is present where required and of its column's class: then the row is kept as it is. */
    private boolean validateByPosition(RowMaker.Values values)
    {
        for (int position = 0; position < columns.size(); position++) {
            Column column = columns.get(position);
            Object value = values.at(position);
            if (value == null) {
                if (!column.nullable()) {
                    throw new IllegalArgumentException(ref + ": required column '" + column.name() + "' is null in " + values);
                }
            }
            else if (!column.type().javaType().isInstance(value) || column.type() == ColumnType.NUMERIC && column.normalize(value) != value) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof TableSchema that && ref.equals(that.ref) && columns.equals(that.columns) && partitionColumn.equals(that.partitionColumn);
    }

    @Override
    public int hashCode()
    {
        return Objects.hash(ref, columns, partitionColumn);
    }

    @Override
    public String toString()
    {
        return "TableSchema[" + ref + ", " + columns.size() + " columns" + partitionColumn.map(column -> ", partitioned by " + column).orElse("") + "]";
    }
}
