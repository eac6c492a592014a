package dev.backfillfleet.worker.tables;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backfillfleet.bigquery.BigQuerySetup;
import dev.backfillfleet.bigquery.BigQueryWarehouse;
import dev.backfillfleet.bigquery.BigQueryWarehouseSettings;
import dev.backfillfleet.bigquery.TestingBigQueryServer;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.provision.Provisioning;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.worker.processor.TableProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same processors on the other warehouse: a day of the demo league computed on BigQuery (the
 * local stand-in of its REST API, through the real client) gives row for row what it gives on
 * SQLite, and every read the processors make names its columns, runs INTERACTIVE under the byte
 * cap, and reads the injury report by its partition column, report_date.
 */
class TestProcessorsOnBigQuery
{
    private static final LocalDate SEASON_START = LocalDate.parse("2024-10-22");
    private static final LocalDate DAY = LocalDate.parse("2024-11-06");

    @TempDir
    Path directory;

    @Test
    void aDayOnBigQueryIsTheDayOnSqliteReadByNamedColumnsAndPartitions()
    {
        try (SqliteWarehouse sqlite = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
                TestingBigQueryServer server = new TestingBigQueryServer()) {
            DateRange season = DateRange.of(SEASON_START, DAY);
            DemoWindow.seed(sqlite, DemoWindow.league(), season);
            TableRuns.runAll(sqlite, season);
            assertThat(TableRuns.rows(sqlite, AnalyticsTable.TEAM_OFFENSE, DAY)).as("games on " + DAY).isNotEmpty();

            BigQueryWarehouseSettings settings = BigQueryWarehouseSettings.of("backfill-fleet-test").withHost(server.url()).withMaxTransportAttempts(1);
            Provisioning.apply(new BigQuerySetup(settings, SchemaCatalog.standard()));
            BigQueryWarehouse bigQuery = BigQueryWarehouse.create(settings, SchemaCatalog.standard());
            // what the day reads: the season's whole schedule, the day's raw tables (the injury report by report_date, two
            // days back), the distances, and the 30 days of upstream tables before it
            copy(sqlite, bigQuery, RawTables.SCHEDULE, Schedule.seasonDates(2024));
            for (TableRef raw : List.of(RawTables.TEAM_BOXSCORE, RawTables.GAMEBOOK_PLAYER_STATS, RawTables.PLAY_BY_PLAY, RawTables.PLAYER_POINTS_PROPS,
                    RawTables.GAME_LINES)) {
                copy(sqlite, bigQuery, raw, DateRange.single(DAY));
            }
            copy(sqlite, bigQuery, RawTables.INJURY_REPORT, DateRange.of(DAY.minusDays(2), DAY));
            bigQuery.replaceAll(RawTables.TRAVEL_DISTANCES, sqlite.readAll(RawTables.TRAVEL_DISTANCES));
            DateRange history = DateRange.of(DAY.minusDays(UpcomingPlayerProcessor.HISTORY_DAYS), DAY.minusDays(1));
            for (AnalyticsTable upstream : List.of(AnalyticsTable.TEAM_OFFENSE, AnalyticsTable.TEAM_DEFENSE, AnalyticsTable.PLAYER_SUMMARY)) {
                copy(sqlite, bigQuery, AnalyticsSchemas.ref(upstream), history);
            }

            int before = server.insertedJobs().size();
            for (TableProcessor processor : TableRuns.IN_DEPENDENCY_ORDER) {
                TableRuns.run(processor, bigQuery, DAY);
                assertThat(TableRuns.rows(bigQuery, processor.table(), DAY)).as(processor.table().tableName())
                        .isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(TableRuns.rows(sqlite, processor.table(), DAY));
            }

            List<JsonNode> queries = server.insertedJobs().subList(before, server.insertedJobs().size()).stream()
                    .map(job -> job.path("configuration").path("query"))
                    .filter(query -> !query.isMissingNode() && !query.has("destinationTable"))
                    .toList();
            assertThat(queries).isNotEmpty().allSatisfy(query -> {
                assertThat(query.path("query").asText()).matches("SELECT \\w+(, \\w+)* FROM `[^`]+`.*").doesNotContain("*");
                assertThat(query.path("priority").asText()).isEqualTo("INTERACTIVE");
                assertThat(query.path("maximumBytesBilled").asText()).isEqualTo(Long.toString(BigQueryWarehouseSettings.DEFAULT_MAXIMUM_BYTES_BILLED));
            });
            assertThat(queries).extracting(query -> query.path("query").asText())
                    .anySatisfy(sql -> assertThat(sql).contains(".nba_raw.nbac_injury_report` WHERE report_date BETWEEN @first AND @last"))
                    .noneSatisfy(sql -> assertThat(sql).contains("nbac_injury_report` WHERE game_date"));
        }
    }

    /** The rows of {@code table} on {@code dates}, written to the other warehouse partition by partition. */
    private static void copy(Warehouse from, Warehouse to, TableRef table, DateRange dates)
    {
        TableSchema schema = SchemaCatalog.standard().schema(table);
        String partitionColumn = schema.partitionColumn().orElseThrow();
        Map<LocalDate, List<Row>> partitions = from.read(table, dates).stream()
                .collect(Collectors.groupingBy(row -> row.getDate(partitionColumn), TreeMap::new, Collectors.toList()));
        if (!partitions.isEmpty()) {
            to.replacePartitions(table, partitions);
        }
    }
}
