package dev.backfillfleet.coverage;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestInputCoverageLedger
{
    private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-02T10:00:00Z");

    @TempDir
    Path directory;

    @Test
    void recordsAreKeptPerTableAndARestatementReplacesTheEarlierOne()
    {
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard())) {
            DateRange season = DateRange.of(LocalDate.parse("2024-10-01"), LocalDate.parse("2025-06-30"));
            DateRange fewDates = DateRange.of(LocalDate.parse("2024-11-14"), LocalDate.parse("2024-11-16"));
            recordSeasonAndFewDates(warehouse, season, fewDates);
            assertThat(InputCoverageLedger.read(warehouse)).hasSize(3);
            assertThat(InputCoverageLedger.coveredDates(warehouse, RawTables.SCHEDULE).ranges()).containsExactly(season);
            assertThat(InputCoverageLedger.coveredDates(warehouse, RawTables.TEAM_BOXSCORE).ranges()).containsExactly(fewDates);
            assertThat(InputCoverageLedger.coveredDates(warehouse, RawTables.INJURY_REPORT).ranges()).isEmpty();

            InputCoverageLedger.record(warehouse, List.of(new InputCoverage(RawTables.SCHEDULE, season, "import --covers: schedule.csv", LATER)));
            assertThat(InputCoverageLedger.read(warehouse)).hasSize(3)
                    .filteredOn(record -> record.rawTable().equals(RawTables.SCHEDULE) && record.dates().equals(season))
                    .singleElement()
                    .satisfies(record -> assertThat(record.recordedAt()).isEqualTo(LATER));
        }
    }

    private static void recordSeasonAndFewDates(SqliteWarehouse warehouse, DateRange season, DateRange fewDates)
    {
        InputCoverageLedger.record(warehouse, List.of(
                new InputCoverage(RawTables.SCHEDULE, season, "import --covers: schedule.csv", FIRST),
                new InputCoverage(RawTables.SCHEDULE, fewDates, "import: schedule.csv", FIRST),
                new InputCoverage(RawTables.TEAM_BOXSCORE, fewDates, "import: boxscores.csv", FIRST)));
    }
}
