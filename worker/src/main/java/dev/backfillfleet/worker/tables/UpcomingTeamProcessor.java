package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowHash;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.worker.processor.ProcessingContext;
import dev.backfillfleet.worker.processor.ProcessorOutput;
import dev.backfillfleet.worker.processor.TableProcessor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * upcoming_team_game_context: one row per (game, team) for every schedule game of the date, in any
 * status: rest, form and travel from the team's season so far, lines and injuries of the day.
 * Spreads and totals are exact medians over bookmakers, rounded half-up once; their movements are
 * taken between the exact medians. The season's schedule before the date must be in the table whole
 * ({@link ScheduleHistory}): a missing game would silently change game numbers, rest and streaks, so
 * an incomplete season fails the date instead.
 */
public final class UpcomingTeamProcessor
        implements TableProcessor
{
    private static final TableSchema SCHEMA = AnalyticsSchemas.upcomingTeam();

    @Override
    public AnalyticsTable table()
    {
        return AnalyticsTable.UPCOMING_TEAM;
    }

    @Override
    public ProcessorOutput process(LocalDate date, ProcessingContext context)
    {
        List<ScheduledGame> games = Schedule.gamesOn(context.warehouse(), date);
        if (games.isEmpty()) {
            return ProcessorOutput.withoutGames();
        }
        requireCompleteSeasons(context, date, games);
        Inputs inputs = new Inputs(
                SeasonSchedule.load(context.warehouse(), date),
                TravelDistances.load(context.warehouse()),
                GameLines.load(context.warehouse(), date, GameIndex.of(games)),
                InjuryReport.load(context.warehouse(), date));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (ScheduledGame game : games) {
            rows.add(row(game, game.homeTeam(), inputs, context));
            rows.add(row(game, game.awayTeam(), inputs, context));
            // by the table's game_id, the 10-digit id
            expected.put(game.nbaGameId(), 2L);
        }
        return ProcessorOutput.of(rows, expected);
    }

    /** The schedule of every season on the date must be whole, from its first day to the day before. */
    private void requireCompleteSeasons(ProcessingContext context, LocalDate date, List<ScheduledGame> games)
    {
        games.stream().map(ScheduledGame::seasonYear).distinct().sorted()
                .flatMap(seasonYear -> SeasonSchedule.seasonBefore(date, seasonYear).stream())
                .forEach(season -> ScheduleHistory.require(table(), context.warehouse(), season, "the season's schedule before " + date));
    }

    private record Inputs(SeasonSchedule schedule, TravelDistances travel, GameLines lines, InjuryReport injuries) {}

    private static Row row(ScheduledGame game, String team, Inputs inputs, ProcessingContext context)
    {
        String opponent = game.opponentOf(team);
        boolean home = team.equals(game.homeTeam());
        TeamSeason season = inputs.schedule().of(team, game.seasonYear());
        RestDays rest = season.rest();
        RestDays opponentRest = inputs.schedule().of(opponent, game.seasonYear()).rest();
        Optional<TravelDistances.Trip> trip = season.lastGame()
                .map(last -> inputs.travel().between(last.homeTeam(), game.homeTeam()))
                .orElse(Optional.of(TravelDistances.Trip.NONE));
        Optional<Long> lastMargin = season.lastMargin();
        TeamLines lines = inputs.lines().forTeam(game, team);
        Row.Builder row = Row.builder()
                // the real table's game_id is the 10-digit NBA id; the standard one is standard_game_id
                .set("game_id", game.nbaGameId())
                .set("standard_game_id", game.gameId())
                .set("game_date", game.gameDate())
                .set("season_year", game.seasonYear())
                .set("team_abbr", team)
                .set("opponent_team_abbr", opponent)
                .set("home_game", home)
                .set("start_time_et", game.startTimeEt())
                .set("days_since_last_game", rest.daysSinceLastGame())
                .set("team_days_rest", rest.daysRest())
                .set("team_back_to_back", rest.backToBack())
                .set("is_back_to_back", rest.backToBack())
                .set("games_in_last_7_days", season.gamesInLastDays(7))
                .set("games_in_last_14_days", season.gamesInLastDays(14))
                .set("game_number_in_season", season.gameNumber())
                .set("team_win_streak_entering", season.streak(true))
                .set("team_loss_streak_entering", season.streak(false))
                .set("last_game_margin", lastMargin.orElse(null))
                .set("last_game_result", lastMargin.map(margin -> margin > 0 ? "W" : "L").orElse(null))
                .set("consecutive_road_games", season.consecutiveRoadGames(!home))
                .set("travel_miles", trip.map(TravelDistances.Trip::miles).orElse(null))
                .set("time_zones_crossed", trip.map(TravelDistances.Trip::timeZonesCrossed).orElse(null))
                .set("opponent_days_rest", opponentRest.daysRest())
                .set("rest_advantage", RestDays.advantage(rest, opponentRest))
                .set("starters_out_count", countPlayers(inputs.injuries(), game, team, InjuryStatus::isOut))
                .set("questionable_players_count", countPlayers(inputs.injuries(), game, team, InjuryStatus::isQuestionableOrDoubtful))
                .set("quality_tier", QualityTier.ofLines(lines).columnValue())
                .set("processed_at", context.processedAt());
        return RowHash.stamp(SCHEMA, lines.putInto(row).build());
    }

    private static long countPlayers(InjuryReport injuries, ScheduledGame game, String team, Predicate<InjuryStatus> status)
    {
        return injuries.playersOf(team).stream()
                .map(player -> injuries.latest(player, game.preGameCutoff()))
                .filter(status)
                .count();
    }
}
