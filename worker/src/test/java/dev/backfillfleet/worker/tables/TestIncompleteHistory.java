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
 * Three dates of a season imported alone (2024-11-14 to 2024-11-16, games 201, 220 and 240 of the
 * regular season): the context tables need the season before the date, or its 30 days, and the
 * schedule itself shows that the season is not all there (its game numbers have holes), so they fail
 * instead of computing a first game of the season from a window that is mostly missing.
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
                .writeTo(warehouse);
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void upcomingTeamFailsNamingTheSeasonAndTheGamesMissing()
    {
        assertThatThrownBy(() -> TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY))
                .isInstanceOfSatisfying(FleetException.class, failure -> assertThat(failure.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessage("upcoming_team_game_context: the season's schedule before 2024-11-16 (2024-10-01..2024-11-15) is incomplete:"
                        + " nba_raw.nbac_schedule does not hold the 2024-25 season whole: it lacks 237 of the regular-season games numbered 1 to 240"
                        + " (0022400001..0022400200, 0022400202..0022400219, 0022400221..0022400239); import the season's whole schedule, every game,"
                        + " as the real loader writes it");
        assertThat(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY)).isEmpty();
    }

    @Test
    void upcomingPlayerFailsNamingTheSeasonOfItsThirtyDays()
    {
        assertThatThrownBy(() -> TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY))
                .isInstanceOfSatisfying(FleetException.class, failure -> assertThat(failure.errorClass()).isEqualTo(ErrorClass.PERMANENT))
                .hasMessageStartingWith("upcoming_player_game_context: the 30-day history before 2024-11-16 (2024-10-17..2024-11-15) is incomplete:"
                        + " nba_raw.nbac_schedule does not hold the 2024-25 season whole: it lacks 237 of the regular-season games numbered 1 to 240");
    }

    @Test
    void aPlayoffSeriesWithAGameMissingIsNamedToo()
    {
        // the regular season whole, and a first-round series whose game 2 is not in the table
        new RawData()
                .game("0022400201", "2024-11-14 19:30", "NYK", "BOS", 100L, 110L)
                .game("0022400220", "2024-11-15 19:30", "BOS", "PHI", 108L, 101L)
                .game("0022400240", "2024-11-16 19:30", "NYK", "BOS", 99L, 97L)
                .scheduleRow("0042400101", "2025-04-19 13:00", "MIA", "CLE", 3L, 90L, 100L, RawData.LOADED_AT)
                .scheduleRow("0042400103", "2025-04-24 19:00", "CLE", "MIA", 3L, 110L, 98L, RawData.LOADED_AT)
                .scheduleRow("0042400104", "2025-04-26 19:00", "CLE", "MIA", 1L, null, null, RawData.LOADED_AT)
                .wholeSeasons()
                .writeTo(warehouse);
        assertThatThrownBy(() -> TableRuns.run(new UpcomingTeamProcessor(), warehouse, LocalDate.parse("2025-04-26")))
                .hasMessageContaining("nba_raw.nbac_schedule does not hold the 2024-25 season whole: it lacks game 0042400102 of playoff series 004240010x");
    }

    @Test
    void bothSucceedOnceTheSeasonsWholeScheduleIsThere()
    {
        // the rest of the season's schedule, as a whole-season load writes it: the other games are other teams'
        new RawData()
                .game("0022400201", "2024-11-14 19:30", "NYK", "BOS", 100L, 110L)
                .game("0022400220", "2024-11-15 19:30", "BOS", "PHI", 108L, 101L)
                .game("0022400240", "2024-11-16 19:30", "NYK", "BOS", null, null)
                .wholeSeasons()
                .writeTo(warehouse);
        TableRuns.run(new UpcomingTeamProcessor(), warehouse, DAY);
        TableRuns.run(new UpcomingPlayerProcessor(), warehouse, DAY);
        // BOS played 11-14 (home) and 11-15 (away): third game, back-to-back
        Row boston = TableRuns.onlyRow(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_TEAM, DAY), "team_abbr", "BOS");
        assertThat(boston.getLong("game_number_in_season")).isEqualTo(3L);
        assertThat(boston.getBoolean("team_back_to_back")).isTrue();
        assertThat(TableRuns.rows(warehouse, AnalyticsTable.UPCOMING_PLAYER, DAY)).hasSize(2);
    }
}
