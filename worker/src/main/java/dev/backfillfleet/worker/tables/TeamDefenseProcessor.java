package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
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
 * team_defense_game_summary: one row per (final game, defending team). What the defending team
 * allowed is the opponent's stat line (box score, or rebuilt from its players); the shot zones
 * come from the opponent's shots in the play-by-play and are NULL when the game has none.
 * opp_possessions, defensive_rating, opponent_pace and opponent_ts_pct are the opponent's team_offense
 * formulas, exact and rounded once: the rating and the pace divide by the unrounded possessions.
 */
public final class TeamDefenseProcessor
        implements TableProcessor
{
    private static final TableSchema SCHEMA = AnalyticsSchemas.teamDefense();

    @Override
    public AnalyticsTable table()
    {
        return AnalyticsTable.TEAM_DEFENSE;
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
        PlayByPlay playByPlay = PlayByPlay.load(context.warehouse(), date, GameIndex.of(games));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (ScheduledGame game : games) {
            TeamStatLine home = statLine(stats, game, game.homeTeam());
            TeamStatLine away = statLine(stats, game, game.awayTeam());
            rows.add(row(game, game.homeTeam(), true, home, away, playByPlay, context));
            rows.add(row(game, game.awayTeam(), false, away, home, playByPlay, context));
            expected.put(game.gameId(), 2L);
        }
        return ProcessorOutput.of(rows, expected);
    }

    private TeamStatLine statLine(TeamGameStats stats, ScheduledGame game, String team)
    {
        try {
            return stats.statLine(game, team);
        }
        catch (FleetException e) {
            throw InputFailures.forTable(table(), e);
        }
    }

    private static Row row(ScheduledGame game, String defendingTeam, boolean home, TeamStatLine own, TeamStatLine opponent,
            PlayByPlay playByPlay, ProcessingContext context)
    {
        String opponentTeam = game.opponentOf(defendingTeam);
        Optional<ShotZoneCounts> opponentShots = playByPlay.shotsOf(game, opponentTeam);
        Row.Builder row = Row.builder()
                .set("game_id", game.gameId())
                .set("nba_game_id", game.nbaGameId())
                .set("game_date", game.gameDate())
                .set("season_year", game.seasonYear())
                .set("defending_team_abbr", defendingTeam)
                .set("opponent_team_abbr", opponentTeam)
                .set("home_game", home)
                .set("points_allowed", opponent.points())
                .set("opp_fg_makes", opponent.fgMade())
                .set("opp_fg_attempts", opponent.fgAttempted())
                .set("opp_three_pt_makes", opponent.threePtMade())
                .set("opp_three_pt_attempts", opponent.threePtAttempted())
                .set("opp_ft_makes", opponent.ftMade())
                .set("opp_ft_attempts", opponent.ftAttempted())
                .set("opp_offensive_rebounds", opponent.offensiveRebounds())
                .set("opp_rebounds", opponent.totalRebounds())
                .set("opp_assists", opponent.assists())
                .set("turnovers_forced", opponent.turnovers())
                .set("fouls_committed", own.personalFouls())
                .set("steals", own.steals())
                .set("blocks", own.blocks())
                .set("defensive_rebounds", own.defensiveRebounds())
                .set("opp_possessions", opponent.possessions())
                // the opponent's offensive rating: 100 x points allowed / opponent possessions
                .set("defensive_rating", opponent.offensiveRating())
                .set("opponent_pace", opponent.pace())
                .set("opponent_ts_pct", opponent.trueShootingPct())
                .set("opp_paint_attempts", opponentShots.map(ShotZoneCounts::paintAttempted).orElse(null))
                .set("opp_paint_makes", opponentShots.map(ShotZoneCounts::paintMade).orElse(null))
                .set("opp_mid_range_attempts", opponentShots.map(ShotZoneCounts::midRangeAttempted).orElse(null))
                .set("opp_mid_range_makes", opponentShots.map(ShotZoneCounts::midRangeMade).orElse(null))
                .set("points_in_paint_allowed", opponentShots.map(shots -> 2 * shots.paintMade()).orElse(null))
                .set("mid_range_points_allowed", opponentShots.map(shots -> 2 * shots.midRangeMade()).orElse(null))
                .set("three_pt_points_allowed", 3 * opponent.threePtMade())
                .set("blocks_paint", opponentShots.map(ShotZoneCounts::blockedInPaint).orElse(null))
                .set("blocks_mid_range", opponentShots.map(ShotZoneCounts::blockedMidRange).orElse(null))
                .set("blocks_three_pt", opponentShots.map(ShotZoneCounts::blockedThrees).orElse(null))
                .set("win_flag", own.points() > opponent.points())
                .set("margin_of_victory", own.points() - opponent.points())
                .set("overtime_periods", own.overtimePeriods())
                // the row describes the opponent's offence, so its source is the opponent's
                .set("primary_source_used", opponent.source().columnValue())
                .set("quality_tier", opponent.source().qualityTier())
                .set("processed_at", context.processedAt());
        return RowHash.stamp(SCHEMA, row.build());
    }
}
