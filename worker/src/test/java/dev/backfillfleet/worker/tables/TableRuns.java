package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.RowsVerification;
import dev.backfillfleet.worker.processor.TableProcessor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Runs a processor for one date the way the worker does: process, replace the partition, verify the rows. */
final class TableRuns
{
    static final Instant PROCESSED_AT = Instant.parse("2026-01-01T00:00:00Z");

    /** Every analytics table's processor, in an order that respects the per-date dependencies. */
    static final List<TableProcessor> IN_DEPENDENCY_ORDER = List.of(
            new TeamOffenseProcessor(),
            new TeamDefenseProcessor(),
            new PlayerSummaryProcessor(),
            new UpcomingTeamProcessor(),
            new UpcomingPlayerProcessor());

    private TableRuns() {}

    static ProcessorOutput run(TableProcessor processor, Warehouse warehouse, LocalDate date)
    {
        ProcessingContext context = new ProcessingContext(warehouse, new WorkItem(processor.table(), date, "test-run"), "test-worker", 1, PROCESSED_AT);
        ProcessorOutput output = processor.process(date, context);
        long written = warehouse.replacePartition(AnalyticsSchemas.ref(processor.table()), date, output.rows());
        RowsVerification.verify(processor.table().tableName(), output, written);
        return output;
    }

    /** Runs every table for every date of {@code dates}, date by date. */
    static void runAll(Warehouse warehouse, DateRange dates)
    {
        for (LocalDate date : dates.dates()) {
            IN_DEPENDENCY_ORDER.forEach(processor -> run(processor, warehouse, date));
        }
    }

    static List<Row> rows(Warehouse warehouse, AnalyticsTable table, LocalDate date)
    {
        return warehouse.read(AnalyticsSchemas.ref(table), DateRange.single(date));
    }

    static Row onlyRow(List<Row> rows, String column, Object value)
    {
        List<Row> matching = rows.stream().filter(row -> value.equals(row.get(column))).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one row with " + column + " = " + value + ", found " + matching.size() + " in " + rows);
        }
        return matching.get(0);
    }
}
