package dev.backfillfleet.demo;

import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo schedule in the real shape reads back, through the pick rule and the old tip-off form,
 * as exactly the league's games: the duplicates of earlier loads and the wall-clock tip-offs of
 * rows written before 24 December 2025 are there to be resolved.
 */
class TestDemoSchedule
{
    @TempDir
    Path directory;

    @Test
    void readsBackAsTheLeaguesGames()
    {
        DemoLeague league = SharedDemoLeague.league();
        DemoSeason season = league.season(2025);
        List<Row> rows = SharedDemoLeague.rows(RawTables.SCHEDULE, 2025);
        Map<String, Long> rowsPerGame = rows.stream().collect(Collectors.groupingBy(row -> row.getString("game_id"), Collectors.counting()));
        long loadedTwice = rowsPerGame.values().stream().filter(count -> count == 2).count();
        assertThat(loadedTwice).as("games with the row of an earlier load").isBetween(season.results().size() / 25L, season.results().size() / 12L);
        assertThat(rows).filteredOn(row -> row.getTimestamp("processed_at").isBefore(Schedule.TIP_OFF_STORED_AS_UTC_UNTIL)).isNotEmpty();
        assertThat(rows).filteredOn(row -> !row.getTimestamp("processed_at").isBefore(Schedule.TIP_OFF_STORED_AS_UTC_UNTIL)).isNotEmpty();

        try (SqliteWarehouse warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard())) {
            warehouse.replacePartitions(RawTables.SCHEDULE, SharedDemoLeague.partitions(RawTables.SCHEDULE, 2025));
            List<ScheduledGame> games = Schedule.gamesIn(warehouse, Schedule.seasonDates(2025));
            assertThat(games).hasSize(season.results().size());
            Map<String, GameResult> results = season.results().stream().collect(Collectors.toMap(result -> result.game().nbaGameId(), result -> result));
            for (ScheduledGame game : games) {
                GameResult result = results.get(game.nbaGameId());
                assertThat(game.gameDate()).isEqualTo(result.game().gameDate());
                assertThat(game.startTimeEt()).as(game.nbaGameId()).isEqualTo(result.game().startTime());
                assertThat(game.seasonType()).isEqualTo(result.game().seasonType().code());
                assertThat(game.homeTeam()).isEqualTo(result.game().homeTeam());
                assertThat(game.isFinal()).isTrue();
                assertThat(game.homeScore()).isEqualTo((long) result.homeScore());
                assertThat(game.awayScore()).isEqualTo((long) result.awayScore());
            }
        }
    }
}
