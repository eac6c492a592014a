package dev.backfillfleet.worker.tables;

import dev.backfillfleet.demo.DemoLeague;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.TableProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the demo league, seeds a fresh warehouse with a few weeks of it (and the 30 days before,
 * the history the context tables need), computes every table for those weeks and lists each row's
 * hash: run in-process and in a child JVM to compare.
 * Arguments: the warehouse directory, the file to write the hashes to, the processed_at instant.
 */
public final class DeterminismProbe
{
    static final DateRange DATES = DateRange.of(LocalDate.parse("2024-10-22"), LocalDate.parse("2024-11-06"));

    private DeterminismProbe() {}

    public static void main(String[] args)
            throws IOException
    {
        Path directory = Path.of(args[0]);
        Files.createDirectories(directory);
        List<String> hashes = compute(directory, DemoWindow.league(), Instant.parse(args[2]));
        Files.write(Path.of(args[1]), hashes);
    }

    /** One line per row: table, date, game, data_hash, in the order the processors wrote them. */
    static List<String> compute(Path directory, DemoLeague league, Instant processedAt)
    {
        List<String> hashes = new ArrayList<>();
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard())) {
            DemoWindow.seed(warehouse, league, DateRange.of(DATES.first().minusDays(30), DATES.last()));
            for (LocalDate date : DATES.dates()) {
                for (TableProcessor processor : TableRuns.IN_DEPENDENCY_ORDER) {
                    ProcessingContext context = new ProcessingContext(warehouse, new WorkItem(processor.table(), date, "probe"), "probe", 1, processedAt);
                    ProcessorOutput output = processor.process(date, context);
                    warehouse.replacePartition(AnalyticsSchemas.ref(processor.table()), date, output.rows());
                    for (Row row : output.rows()) {
                        hashes.add(processor.table().tableName() + " " + date + " " + row.getString("game_id") + " " + row.getString("data_hash"));
                    }
                }
            }
        }
        return hashes;
    }
}
