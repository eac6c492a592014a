package dev.backfillfleet.demo;

import dev.backfillfleet.warehouse.Row;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@code nbac_schedule}: one row per game, all final. */
final class ScheduleRows
{
    static final long FINAL = 3;

    private ScheduleRows() {}

    static Map<LocalDate, List<Row>> rows(DemoSeason season)
    {
        Partitions partitions = new Partitions();
        for (GameResult result : season.results()) {
            DemoGame game = result.game();
            partitions.add(game.gameDate(), Row.builder()
                    .set("nba_game_id", game.nbaGameId())
                    .set("game_date", game.gameDate())
                    .set("season_year", (long) game.seasonYear())
                    .set("season_type", game.seasonType().code())
                    .set("start_time_et", game.startTime())
                    .set("home_team", game.homeTeam())
                    .set("away_team", game.awayTeam())
                    .set("game_status", FINAL)
                    .set("home_score", (long) result.homeScore())
                    .set("away_score", (long) result.awayScore())
                    .build());
        }
        return partitions.build();
    }
}
