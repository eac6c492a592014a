package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static dev.backfillfleet.worker.tables.RawData.stats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Three dates of a season imported alone (2024-11-14 to 2024-11-16, covering only themselves): the
 * context tables need the season before the date, or its 30 days, and fail instead of computing
 * a first game of the season from a window that is mostly missing.
 */
class TestIncompleteHistory
{
    private static final LocalDate DAY = LocalDate.parse("2024-11-16");

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
        new RawData()
                .game("0022400201", "2024-11-14 19:30", "NYK", "BOS", 100L, 110L)
                .game("0022400220", "2024-11-15 19:30", "BOS", "PHI", 108L, 101L)
                .game("0022400240", "2024-11-16 19:30", "NYK", "BOS", null, null)
                .player(DAY, "NYK", "BOS", "BOS", "Jayson Tatum", "active", "36:00", stats(10, 20, 0, 2, 5, 6, 1, 6, 4, 2, 1, 0, 2), 3L)
                .player(DAY, "NYK", "BOS", "NYK", "Jalen Brunson", "active", "36:00", stats(11, 20, 3, 8, 6, 7, 1, 3, 8, 3, 1, 0, 2), -3L)
                .scheduleCovers("2024-11-14", "2024-11-16")
                .writeTo(warehouse);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void upcomingTeamFailsNamingTheUncoveredSeason()
    {
        assertThatThrownBy(() -> TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY))
                .isInstanceOfSatisfying(FleetException.class, failure -> assertThat(failure.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessage("upcoming_team_game_context: the season's schedule before 2024-11-16 (2024-10-01..2024-11-15) is incomplete:"
                        + " nba_raw.nbac_schedule does not cover 44 of its 46 dates (2024-10-01..2024-11-13); import them, or declare the"
                        + " dates without games with import --covers A..B");
        assertThat(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY)).isEmpty();
    }

    @Test
    void upcomingPlayerFailsNamingTheUncoveredThirtyDays()
    {
        assertThatThrownBy(() -> TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY))
                .isInstanceOfSatisfying(FleetException.class, failure -> assertThat(failure.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessage("upcoming_player_game_context: the 30-day history before 2024-11-16 (2024-10-17..2024-11-15) is incomplete:"
                        + " nba_raw.nbac_schedule does not cover 28 of its 30 dates (2024-10-17..2024-11-13); import them, or declare the"
                        + " dates without games with import --covers A..B");
    }

    @Test
    void everyUncoveredRunIsNamed()
    {
        new RawData().scheduleCovers("2024-10-01", "2024-10-31").scheduleCovers("2024-11-05", "2024-11-09").scheduleCovers("2024-11-11", "2024-11-11")
                .writeTo(warehouse);
        assertThatThrownBy(() -> TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY))
                .hasMessageContaining("does not cover 7 of its 46 dates (2024-11-01..2024-11-04, 2024-11-10, 2024-11-12..2024-11-13)");
    }

    @Test
    void bothSucceedOnceTheSeasonIsDeclaredCovered()
    {
        // e.g. the season's whole schedule imported with --covers: the dates without rows had no games
        new RawData().scheduleCovers("2024-07-01", "2025-06-30").writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        // BOS played 11-14 (home) and 11-15 (away): third game, back-to-back
        Row boston = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY), "team_abbr", "BOS");
        assertThat(boston.getLong("game_number_in_season")).isEqualTo(3L);
        assertThat(boston.getBoolean("back_to_back")).isTrue();
        assertThat(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY)).hasSize(2);
    }
}
