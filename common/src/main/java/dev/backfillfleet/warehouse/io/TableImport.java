package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Loads files into a table: a partitioned table gets the partitions of the dates in the files
 * replaced (each atomically; dates not in the files are untouched), an unpartitioned one is
 * replaced whole. The files are read and checked completely before anything is written.
 */
public final class TableImport
{
    private TableImport() {}

    public record Summary(long rows, SortedMap<LocalDate, Integer> rowsByDate)
    {
        public boolean partitioned()
        {
            return !rowsByDate.isEmpty();
        }
    }

    /** Loads {@code files} into {@code schema}'s table. */
    public static Summary load(Warehouse warehouse, TableSchema schema, List<Path> files)
    {
        List<Row> rows = RowFileReader.read(schema, files).stream().map(schema::validate).toList();
        if (schema.partitionColumn().isEmpty()) {
            warehouse.replaceAll(schema.ref(), rows);
            return new Summary(rows.size(), new TreeMap<>());
        }
        String partitionColumn = schema.partitionColumn().get();
        SortedMap<LocalDate, List<Row>> partitions = new TreeMap<>();
        rows.forEach(row -> partitions.computeIfAbsent(row.getDate(partitionColumn), date -> new ArrayList<>()).add(row));
        if (!partitions.isEmpty()) {
            warehouse.replacePartitions(schema.ref(), partitions);
        }
        SortedMap<LocalDate, Integer> rowsByDate = new TreeMap<>();
        partitions.forEach((date, partition) -> rowsByDate.put(date, partition.size()));
        return new Summary(rows.size(), rowsByDate);
    }
}
