package dev.backfillfleet.coordinator.compare;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static java.util.Objects.requireNonNull;

/**
 * Our rows against the other table's, matched on a key: the keys found on one side only, keys
 * that repeat on a side (the first row of each is compared), and per compared column how many
 * matched rows differ, with the first few as examples. Values are compared as
 * {@link ComparedValue} says.
 */
public record TableComparison(
        List<String> key,
        List<String> comparedColumns,
        int ourRows,
        int theirRows,
        int matchedRows,
        List<List<Object>> onlyOurs,
        List<List<Object>> onlyTheirs,
        List<List<Object>> repeatedKeys,
        Map<String, ColumnDifference> differences)
{
    public static final int EXAMPLES_PER_COLUMN = 3;

    public TableComparison
    {
        key = List.copyOf(key);
        comparedColumns = List.copyOf(comparedColumns);
        onlyOurs = List.copyOf(onlyOurs);
        onlyTheirs = List.copyOf(onlyTheirs);
        repeatedKeys = List.copyOf(repeatedKeys);
        differences = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(differences));
    }

    /** A column's differing values: how many matched rows differ, and the first few. */
    public record ColumnDifference(int count, List<Example> examples)
    {
        public ColumnDifference
        {
            examples = List.copyOf(examples);
        }
    }

    /** One matched row whose values differ in a column: its key, our value, theirs (as read). */
    public record Example(List<Object> key, Object ours, Object theirs) {}

    public boolean equal()
    {
        return onlyOurs.isEmpty() && onlyTheirs.isEmpty() && repeatedKeys.isEmpty() && differences.isEmpty();
    }

    /**
     * Compares {@code ours} with {@code theirs} on {@code key} and {@code compared}, each column
     * given as ours and theirs (same name); the key columns are compared by our columns' types.
     */
    public static TableComparison of(List<Row> ours, List<Row> theirs, List<Column> key, Map<Column, Column> compared)
    {
        requireNonNull(key, "key is null");
        List<List<Object>> repeated = new ArrayList<>();
        Map<List<Object>, Row> ourByKey = byKey(ours, key, repeated);
        Map<List<Object>, Row> theirByKey = byKey(theirs, key, repeated);
        List<List<Object>> onlyOurs = ourByKey.keySet().stream().filter(each -> !theirByKey.containsKey(each)).toList();
        List<List<Object>> onlyTheirs = theirByKey.keySet().stream().filter(each -> !ourByKey.containsKey(each)).toList();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<Example>> examples = new LinkedHashMap<>();
        int matched = 0;
        for (Map.Entry<List<Object>, Row> entry : ourByKey.entrySet()) {
            Row their = theirByKey.get(entry.getKey());
            if (their == null) {
                continue;
            }
            matched++;
            for (Map.Entry<Column, Column> column : compared.entrySet()) {
                Column ourColumn = column.getKey();
                int scale = isNumber(ourColumn) ? ComparedValue.scale(ourColumn, column.getValue()) : 0;
                Object ourValue = entry.getValue().get(ourColumn.name());
                Object theirValue = their.get(ourColumn.name());
                Object ourCompared = ComparedValue.canonical(ourValue, ourColumn.type(), scale);
                Object theirCompared = ComparedValue.canonical(theirValue, ourColumn.type(), scale);
                if (Objects.equals(ourCompared, theirCompared)) {
                    continue;
                }
                if (!isNumber(ourColumn)) {
                    // a date or a flag shown as ours reads it (the embedded warehouse keeps a BOOL as 0 or 1); a number as stored, unrounded
                    ourValue = ourCompared;
                    theirValue = theirCompared;
                }
                counts.merge(ourColumn.name(), 1, Integer::sum);
                List<Example> some = examples.computeIfAbsent(ourColumn.name(), ignored -> new ArrayList<>());
                if (some.size() < EXAMPLES_PER_COLUMN) {
                    some.add(new Example(entry.getKey(), ourValue, theirValue));
                }
            }
        }
        Map<String, ColumnDifference> differences = new LinkedHashMap<>();
        for (Column column : compared.keySet()) {
            if (counts.containsKey(column.name())) {
                differences.put(column.name(), new ColumnDifference(counts.get(column.name()), examples.get(column.name())));
            }
        }
        return new TableComparison(key.stream().map(Column::name).toList(), compared.keySet().stream().map(Column::name).toList(),
                ours.size(), theirs.size(), matched, onlyOurs, onlyTheirs, repeated, differences);
    }

    private static boolean isNumber(Column column)
    {
        return switch (column.type()) {
            case INT64, FLOAT64, NUMERIC -> true;
            default -> false;
        };
    }

    /** Rows by their key's compared form, in the order read; a key seen again is noted once and its first row kept. */
    private static Map<List<Object>, Row> byKey(List<Row> rows, List<Column> key, List<List<Object>> repeated)
    {
        Map<List<Object>, Row> byKey = new LinkedHashMap<>();
        for (Row row : rows) {
            List<Object> values = new ArrayList<>(key.size());
            for (Column column : key) {
                values.add(ComparedValue.canonical(row.get(column.name()), column.type(), isNumber(column) ? ComparedValue.scale(column, column) : 0));
            }
            if (byKey.putIfAbsent(values, row) != null && !repeated.contains(values)) {
                repeated.add(values);
            }
        }
        return byKey;
    }
}
