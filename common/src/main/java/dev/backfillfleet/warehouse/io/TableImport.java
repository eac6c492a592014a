package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.coverage.CoveredDates;
import dev.backfillfleet.coverage.InputCoverage;
import dev.backfillfleet.coverage.InputCoverageLedger;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Loads files into a table: a partitioned table gets the partitions of the dates in the files
 * replaced (each atomically; dates not in the files are untouched), an unpartitioned one is
 * replaced whole. The files are read and checked completely before anything is written.
 *
 * <p>Then the coverage is recorded in {@code nba_raw.input_coverage}: the dates present in the
 * files, and a declared range ({@code --covers}), whose dates without rows had none to import (no
 * games). Coverage is written after the data, so a failure in between leaves data that is not yet
 * trusted, never trust in data that is not there.
 */
public final class TableImport
{
    private static final int FILE_NAMES_SHOWN = 3;

    private TableImport() {}

    public record Summary(long rows, SortedMap<LocalDate, Integer> rowsByDate, List<InputCoverage> coverage)
    {
        public boolean partitioned()
        {
            return !rowsByDate.isEmpty();
        }
    }

    /** Loads {@code files} (possibly none, to declare coverage only) and records what they cover, stamped {@code recordedAt}. */
    public static Summary load(Warehouse warehouse, TableSchema schema, List<Path> files, Optional<DateRange> declared, Instant recordedAt)
    {
        if (declared.isPresent() && schema.partitionColumn().isEmpty()) {
            throw FleetException.userError(schema.ref() + " is not partitioned by date: --covers applies to the date-partitioned raw tables only");
        }
        List<Row> rows = RowFileReader.read(schema, files).stream().map(schema::validate).toList();
        if (schema.partitionColumn().isEmpty()) {
            warehouse.replaceAll(schema.ref(), rows);
            return new Summary(rows.size(), new TreeMap<>(), List.of());
        }
        String partitionColumn = schema.partitionColumn().get();
        SortedMap<LocalDate, List<Row>> partitions = new TreeMap<>();
        rows.forEach(row -> partitions.computeIfAbsent(row.getDate(partitionColumn), date -> new ArrayList<>()).add(row));
        if (!partitions.isEmpty()) {
            warehouse.replacePartitions(schema.ref(), partitions);
        }
        List<InputCoverage> coverage = new ArrayList<>();
        String names = fileNames(files);
        CoveredDates.of(partitions.keySet().stream().map(DateRange::single).toList()).ranges()
                .forEach(run -> coverage.add(new InputCoverage(schema.ref(), run, "import of " + names, recordedAt)));
        declared.ifPresent(range -> coverage.add(new InputCoverage(schema.ref(), range,
                "import --covers " + range + (files.isEmpty() ? " (declared, no files)" : " of " + names), recordedAt)));
        InputCoverageLedger.record(warehouse, coverage);
        SortedMap<LocalDate, Integer> rowsByDate = new TreeMap<>();
        partitions.forEach((date, partition) -> rowsByDate.put(date, partition.size()));
        return new Summary(rows.size(), rowsByDate, coverage);
    }

    private static String fileNames(List<Path> files)
    {
        String shown = files.stream().limit(FILE_NAMES_SHOWN).map(file -> file.getFileName().toString()).collect(Collectors.joining(", "));
        return files.size() > FILE_NAMES_SHOWN ? shown + " and " + (files.size() - FILE_NAMES_SHOWN) + " more files" : shown;
    }
}
