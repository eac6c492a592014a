package dev.backfillfleet.warehouse;

import dev.backfillfleet.catalog.SqlDialect;
import dev.backfillfleet.domain.DateRange;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data port: read raw and upstream tables for a date window, and atomically replace one
 * (table, date) partition. Implementations: the embedded SQLite warehouse and BigQuery.
 * Failures surface as {@link dev.backfillfleet.domain.FleetException} with their class.
 */
public interface Warehouse
{
    /**
     * Rows of a partitioned table whose partition date (the table's own partition column, e.g.
     * report_date for the injury report) lies in {@code dates}, with only {@code columns}, each a
     * column of the table's schema, in that order: the query names those columns and nothing
     * else, so that a wide table (the real play-by-play has 63 columns) bills only what is read.
     * A column the schema lacks is an {@link IllegalArgumentException}.
     */
    List<Row> read(TableRef table, DateRange dates, List<String> columns);

    /** Every column of the table's schema (named, never {@code *}): for imports, tools and tests. */
    List<Row> read(TableRef table, DateRange dates);

    /** Every row of an unpartitioned (static) table, with only {@code columns}. */
    List<Row> readAll(TableRef table, List<String> columns);

    /** Every row of an unpartitioned (static) table, every column of its schema. */
    List<Row> readAll(TableRef table);

    /**
     * Replaces the whole partition {@code date} of {@code table} with {@code rows}, atomically:
     * a reader sees the old partition or the new one, never a mix, never duplicates, and keys
     * that disappeared are gone. An empty list leaves the partition empty. {@code token} names
     * the write (a retried submission of the same token is not written twice); a fenced token
     * older than the partition's last fenced write is refused with
     * {@link StaleWriteException} where the backend can tell.
     *
     * @return the number of rows now in the partition
     */
    long replacePartition(TableRef table, LocalDate date, List<Row> rows, WriteToken token);

    /** {@link #replacePartition(TableRef, LocalDate, List, WriteToken)} outside any lease: imports, seeding, tests. */
    default long replacePartition(TableRef table, LocalDate date, List<Row> rows)
    {
        return replacePartition(table, date, rows, WriteToken.unfenced("write"));
    }

    /**
     * Replaces several partitions of one table, each atomically as in
     * {@link #replacePartition}; for seeding and imports, where one call per date is wasteful.
     */
    void replacePartitions(TableRef table, Map<LocalDate, List<Row>> partitions);

    /** Replaces every row of an unpartitioned (static) table, atomically. */
    void replaceAll(TableRef table, List<Row> rows);

    /**
     * The columns of any table of this warehouse as it stands, the fleet's or not (another
     * pipeline's table that {@code coordinator compare} reads), with their types as this warehouse
     * knows them; empty when there is no such table. Reads no rows.
     */
    Optional<List<Column>> describeTable(TableRef table);

    /**
     * Rows of any table (see {@link #describeTable}) whose {@code dateColumn} lies in
     * {@code dates}, with only {@code columns}, as {@link #describeTable} gave them, in that order:
     * the query names those columns and filters on {@code dateColumn}, nothing else. Values come
     * back as the column's type reads them, unrounded (a NUMERIC at the table's own scale).
     */
    List<Row> readColumns(TableRef table, String dateColumn, DateRange dates, List<Column> columns);

    /** The number of rows in one partition. */
    long countPartition(TableRef table, LocalDate date);

    /** The SQL dialect of a catalog table's {@code sql:} and {@code expected_rows:} on this warehouse. */
    SqlDialect dialect();

    /** What a catalog table's SQL writes for {@code {{table}}} here: a table name of this warehouse's SQL. */
    String sqlTableName(TableRef table);

    /**
     * Replaces the partition {@code date} of {@code table} with the rows {@code select} returns
     * when {@code @date} is that date, atomically and fenced as {@link #replacePartition} is:
     * no row passes through this process where the warehouse can run the query itself. A row
     * of another date, a value of the wrong type or a missing REQUIRED value fails the write
     * (PERMANENT) and leaves the partition as it was.
     */
    PartitionWrite replacePartitionWithSelect(TableRef table, LocalDate date, String select, WriteToken token);

    /** The one whole number {@code select} returns when {@code @date} is {@code date}: a date's expected row count. */
    long selectCount(String select, LocalDate date);

    /**
     * The columns {@code select}'s rows would have, found without running it (BigQuery: a dry
     * run; the embedded warehouse: the prepared statement). SQL that does not compile is a
     * {@link dev.backfillfleet.domain.FleetException} (USER) saying why.
     */
    List<SelectedColumn> describeSelect(String select);

    /**
     * How long after {@link #replacePartition(TableRef, LocalDate, List, WriteToken)} is called
     * its write may still land. The runner writes only while its lease has more than this left,
     * so that a worker fenced off later cannot overwrite its successor. Zero where the warehouse
     * refuses stale writes itself (the embedded one compares lease start times).
     */
    default java.time.Duration maximumWriteTime()
    {
        return java.time.Duration.ZERO;
    }
}
