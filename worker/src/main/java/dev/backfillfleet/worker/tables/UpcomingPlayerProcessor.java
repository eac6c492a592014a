package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
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

/**
 * upcoming_player_game_context: one row per player expected to be available (gamebook status
 * active or dnp) for each game of the date, from what was known before tip-off: his history in
 * player_game_summary over the 30 days before the date, pre-game lines and the injury reports.
 * Averages, the standard deviation, the opponent means and the line medians are exact (upstream
 * columns read back as the decimals they were stored as) and rounded half-up once; a column derived
 * from another uses its exact value (pace_differential from the two exact means, movements from the
 * exact medians).
 *
 * <p>The 30-day history must be complete: every season of those days must be in the schedule whole
 * ({@link ScheduleHistory}), or the date fails, naming the season and the games missing. Given a
 * complete schedule, the history's other inputs are complete too: each of those days'
 * player_game_summary, team_offense and team_defense is done before this table runs, and they fail a
 * day whose final games lack box scores or gamebooks.
 */
public final class UpcomingPlayerProcessor
        implements TableProcessor
{
    public static final int HISTORY_DAYS = 30;
    static final Fraction STAR_POINTS = Fraction.of(18);
    private static final int FORM_DECIMALS = 2;
    private static final TableSchema SCHEMA = AnalyticsSchemas.upcomingPlayer();

    @Override
    public AnalyticsTable table()
    {
        return AnalyticsTable.UPCOMING_PLAYER;
    }

    @Override
    public ProcessorOutput process(LocalDate date, ProcessingContext context)
    {
        List<ScheduledGame> games = Schedule.gamesOn(context.warehouse(), date);
        Gamebook gamebook = Gamebook.load(table(), context.warehouse(), date, games);
        if (games.isEmpty()) {
            return ProcessorOutput.withoutGames();
        }
        DateRange history = DateRange.of(date.minusDays(HISTORY_DAYS), date.minusDays(1));
        ScheduleHistory.require(table(), context.warehouse(), history, "the " + HISTORY_DAYS + "-day history before " + date);
        GameIndex index = GameIndex.of(games);
        Inputs inputs = new Inputs(
                PlayerHistory.load(context.warehouse(), date, HISTORY_DAYS),
                TeamForm.load(context.warehouse(), date, HISTORY_DAYS),
                PropLines.load(context.warehouse(), date, index),
                GameLines.load(context.warehouse(), date, index),
                InjuryReport.load(context.warehouse(), date));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        gamebook.byGame().forEach((game, lines) -> {
            List<GamebookLine> available = lines.stream().filter(line -> line.status().isAvailable()).toList();
            available.forEach(line -> rows.add(row(line, inputs, context)));
            expected.put(game.gameId(), (long) available.size());
        });
        return ProcessorOutput.of(rows, expected);
    }

    private record Inputs(PlayerHistory history, TeamForm form, PropLines props, GameLines lines, InjuryReport injuries) {}

    private static Row row(GamebookLine line, Inputs inputs, ProcessingContext context)
    {
        ScheduledGame game = line.game();
        PlayerGames history = inputs.history().of(line.playerLookup());
        RestDays rest = history.rest();
        Optional<PropLine> propLine = inputs.props().line(game, line.playerLookup());
        Optional<Double> currentLine = propLine.map(PropLine::closing);
        TeamLines teamLines = inputs.lines().forTeam(game, line.team());
        InjuryStatus injury = inputs.injuries().latest(line.playerLookup(), game.preGameCutoff());
        QualityTier tier = QualityTier.ofHistory(history.size());
        Fraction ownPace = inputs.form().paceLastGames(line.team(), 10);
        Fraction opponentPace = inputs.form().paceLastGames(line.opponent(), 10);
        Row.Builder row = Row.builder()
                .set("game_id", game.gameId())
                .set("nba_game_id", game.nbaGameId())
                .set("game_date", game.gameDate())
                .set("season_year", game.seasonYear())
                .set("player_lookup", line.playerLookup())
                .set("player_name", line.playerName())
                .set("team_abbr", line.team())
                .set("opponent_team_abbr", line.opponent())
                .set("home_game", line.isHome())
                .set("start_time_et", game.startTimeEt())
                .set("days_rest", rest.daysSinceLastGame())
                .set("player_days_rest", rest.daysRest())
                .set("back_to_back", rest.backToBack())
                .set("games_in_last_7_days", history.gamesInLastDays(7))
                .set("games_in_last_14_days", history.gamesInLastDays(14))
                .set("minutes_in_last_7_days", history.minutesInLastDays(7))
                .set("minutes_in_last_14_days", history.minutesInLastDays(14))
                .set("back_to_backs_last_14_days", history.backToBacksInLastDays(14))
                .set("points_avg_last_5", history.pointsAverage(5))
                .set("points_avg_last_10", history.pointsAverage(10))
                .set("games_used_last_5", (long) history.recentPoints(5).size())
                .set("games_used_last_10", (long) history.recentPoints(10).size())
                .set("points_std_last_10", history.pointsStandardDeviation(10))
                .set("current_points_line", Rounding.copied(currentLine.orElse(null)))
                .set("opening_points_line", Rounding.copied(propLine.map(PropLine::opening).orElse(null)))
                .set("current_points_line_source", propLine.map(PropLine::bookmaker).orElse(null))
                .set("line_movement", propLine.map(PropLine::movement).orElse(null))
                .set("prop_over_streak", history.propStreak(currentLine, OverUnder.OVER))
                .set("prop_under_streak", history.propStreak(currentLine, OverUnder.UNDER))
                .set("opponent_pace_last_10", Rounding.columnOrNull(opponentPace, FORM_DECIMALS))
                .set("opponent_off_rating_last_10", Rounding.columnOrNull(inputs.form().offensiveRatingLastGames(line.opponent(), 10), FORM_DECIMALS))
                .set("opponent_def_rating_last_10", Rounding.columnOrNull(inputs.form().defensiveRatingLastGames(line.opponent(), 10), FORM_DECIMALS))
                // the two exact means, not the rounded columns
                .set("pace_differential", Rounding.columnOrNull(Statistics.difference(ownPace, opponentPace), FORM_DECIMALS))
                .set("player_status", injury.status())
                .set("injury_report", injury.reason())
                .set("star_teammates_out", starTeammatesOut(line, inputs))
                .set("quality_tier", tier.columnValue())
                .set("is_production_ready", tier.isProductionReady())
                .set("processed_at", context.processedAt());
        return RowHash.stamp(SCHEMA, teamLines.putInto(row).build());
    }

    /** Teammates averaging at least 18 points over their last 10 played games whose latest status is out or doubtful. */
    private static long starTeammatesOut(GamebookLine line, Inputs inputs)
    {
        return inputs.injuries().playersOf(line.team()).stream()
                .filter(teammate -> !teammate.equals(line.playerLookup()))
                .filter(teammate -> inputs.injuries().latest(teammate, line.game().preGameCutoff()).isOutOrDoubtful())
                .filter(teammate -> {
                    Fraction average = inputs.history().of(teammate).exactPointsAverage(10);
                    return average != null && average.compareTo(STAR_POINTS) >= 0;
                })
                .count();
    }
}
