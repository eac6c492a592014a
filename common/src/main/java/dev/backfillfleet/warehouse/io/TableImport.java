package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

/**
 * Loads files into a table: a partitioned table gets the partitions of the dates in the files
 * replaced (each atomically; dates not in the files are untouched), an unpartitioned one is
 * replaced whole. The files are read and checked completely before anything is written. Columns
 * the table does not hold are skipped; so are rows without a partition date (the real injury
 * report's report_date is nullable: BigQuery keeps such rows in its __NULL__ partition, which no
 * read filtered on dates reaches).
 */
public final class TableImport
{
    private TableImport() {}

    public record Summary(long rows, SortedMap<LocalDate, Integer> rowsByDate, SortedSet<String> skippedColumns, long rowsWithoutPartitionDate)
    {
        public boolean partitioned()
        {
            return !rowsByDate.isEmpty();
        }
    }

    /** Loads {@code files} into {@code schema}'s table. */
    public static Summary load(Warehouse warehouse, TableSchema schema, List<Path> files)
    {
        RowFileReader.Result read = RowFileReader.read(schema, files);
        List<Row> rows = read.rows().stream().map(schema::validate).toList();
        if (schema.partitionColumn().isEmpty()) {
            warehouse.replaceAll(schema.ref(), rows);
            return new Summary(rows.size(), new TreeMap<>(), read.skippedColumns(), 0);
        }
        String partitionColumn = schema.partitionColumn().get();
        SortedMap<LocalDate, List<Row>> partitions = new TreeMap<>();
        long withoutDate = 0;
        for (Row row : rows) {
            LocalDate date = row.getDate(partitionColumn);
            if (date == null) {
                withoutDate++;
                continue;
            }
            partitions.computeIfAbsent(date, key -> new ArrayList<>()).add(row);
        }
        if (!partitions.isEmpty()) {
            warehouse.replacePartitions(schema.ref(), partitions);
        }
        SortedMap<LocalDate, Integer> rowsByDate = new TreeMap<>();
        partitions.forEach((date, partition) -> rowsByDate.put(date, partition.size()));
        return new Summary(rows.size() - withoutDate, rowsByDate, read.skippedColumns(), withoutDate);
    }
}
