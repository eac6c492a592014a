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

/**
 * team_offense_game_summary: one row per (final game, team), as analytics-tables.md defines it.
 * Every derived column is computed exactly from the integer counts ({@link Fraction}) and rounded
 * half-up once when stored; offensive_rating and pace divide by the unrounded possessions, never by
 * the rounded possessions column ({@link TeamStatLine#exactPossessions}).
 */
public final class TeamOffenseProcessor
        implements TableProcessor
{
    private static final TableSchema SCHEMA = AnalyticsSchemas.teamOffense();

    @Override
    public AnalyticsTable table()
    {
        return AnalyticsTable.TEAM_OFFENSE;
    }

    @Override
    public ProcessorOutput process(LocalDate date, ProcessingContext context)
    {
        List<ScheduledGame> games = Schedule.gamesOn(context.warehouse(), date);
        if (games.isEmpty()) {
            return ProcessorOutput.withoutGames();
        }
        InputFailures.requireAllFinal(table(), date, games);
        TeamGameStats stats = TeamGameStats.load(context.warehouse(), date, games);
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (ScheduledGame game : games) {
            TeamStatLine home = stats.statLine(game, game.homeTeam());
            TeamStatLine away = stats.statLine(game, game.awayTeam());
            rows.add(row(game, game.homeTeam(), true, home, away, context));
            rows.add(row(game, game.awayTeam(), false, away, home, context));
            expected.put(game.gameId(), 2L);
        }
        return ProcessorOutput.of(rows, expected);
    }

    private static Row row(ScheduledGame game, String team, boolean home, TeamStatLine own, TeamStatLine opponent, ProcessingContext context)
    {
        Row row = Row.builder()
                .set("game_id", game.gameId())
                .set("nba_game_id", game.nbaGameId())
                .set("game_date", game.gameDate())
                .set("season_year", game.seasonYear())
                .set("team_abbr", team)
                .set("opponent_team_abbr", game.opponentOf(team))
                .set("home_game", home)
                .set("points_scored", own.points())
                .set("fg_makes", own.fgMade())
                .set("fg_attempts", own.fgAttempted())
                .set("three_pt_makes", own.threePtMade())
                .set("three_pt_attempts", own.threePtAttempted())
                .set("ft_makes", own.ftMade())
                .set("ft_attempts", own.ftAttempted())
                .set("offensive_rebounds", own.offensiveRebounds())
                .set("defensive_rebounds", own.defensiveRebounds())
                .set("rebounds", own.totalRebounds())
                .set("assists", own.assists())
                .set("turnovers", own.turnovers())
                .set("steals", own.steals())
                .set("blocks", own.blocks())
                .set("personal_fouls", own.personalFouls())
                .set("possessions", own.possessions())
                .set("offensive_rating", own.offensiveRating())
                .set("pace", own.pace())
                .set("ts_pct", own.trueShootingPct())
                .set("efg_pct", own.effectiveFgPct())
                .set("overtime_periods", own.overtimePeriods())
                .set("win_flag", own.points() > opponent.points())
                .set("margin_of_victory", own.points() - opponent.points())
                .set("primary_source_used", own.source().columnValue())
                .set("quality_tier", own.source().qualityTier())
                .set("processed_at", context.processedAt())
                .build();
        return RowHash.stamp(SCHEMA, row);
    }
}
