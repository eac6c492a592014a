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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * player_game_summary: one row per gamebook row of the date (active, dnp and inactive players),
 * with the player's closing points line and, from team_offense of the same date, the team
 * figures for usage rate and whether the team won. minutes_played, ts_pct, efg_pct and usage_rate are
 * exact (usage with the player's exact minutes, seconds / 60, not the rounded minutes_played) and
 * rounded half-up once when stored.
 */
public final class PlayerSummaryProcessor
        implements TableProcessor
{
    private static final TableSchema SCHEMA = AnalyticsSchemas.playerSummary();
    /** A usage rate above 100 % is an artefact of a few seconds on the floor: NULL. */
    private static final BigDecimal MAX_USAGE = BigDecimal.valueOf(100);
    /** Each counting-stat column, in schema order, to the box-score name the gamebook line knows it by. */
    private static final Map<String, String> COUNTING_STATS = countingStats();

    private static Map<String, String> countingStats()
    {
        Map<String, String> stats = new LinkedHashMap<>();
        stats.put("points", "points");
        stats.put("fg_makes", "fg_made");
        stats.put("fg_attempts", "fg_attempted");
        stats.put("three_pt_makes", "three_pt_made");
        stats.put("three_pt_attempts", "three_pt_attempted");
        stats.put("ft_makes", "ft_made");
        stats.put("ft_attempts", "ft_attempted");
        for (String same : List.of("offensive_rebounds", "defensive_rebounds", "total_rebounds", "assists", "steals", "blocks", "turnovers",
                "personal_fouls", "plus_minus")) {
            stats.put(same, same);
        }
        return Collections.unmodifiableMap(stats);
    }

    @Override
    public AnalyticsTable table()
    {
        return AnalyticsTable.PLAYER_SUMMARY;
    }

    @Override
    public ProcessorOutput process(LocalDate date, ProcessingContext context)
    {
        List<ScheduledGame> games = Schedule.gamesOn(context.warehouse(), date);
        Gamebook gamebook = Gamebook.load(table(), context.warehouse(), date, games);
        if (games.isEmpty()) {
            return ProcessorOutput.withoutGames();
        }
        InputFailures.requireAllFinal(table(), date, games);
        TeamOffenseResults teams = TeamOffenseResults.load(context.warehouse(), date);
        PropLines propLines = PropLines.load(context.warehouse(), date, GameIndex.of(games));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        gamebook.byGame().forEach((game, lines) -> {
            for (GamebookLine line : lines) {
                Row team = teams.of(game, line.team());
                if (team == null) {
                    throw InputFailures.missingInput(table(), game, line.team() + " has no row in team_offense_game_summary for " + date);
                }
                rows.add(row(line, team, propLines.line(game, line.playerLookup()), context));
            }
            expected.put(game.gameId(), (long) lines.size());
        });
        return ProcessorOutput.of(rows, expected);
    }

    private static Row row(GamebookLine line, Row team, Optional<PropLine> propLine, ProcessingContext context)
    {
        ScheduledGame game = line.game();
        Long points = line.stat("points");
        Long fgAttempted = line.stat("fg_attempted");
        Long ftAttempted = line.stat("ft_attempted");
        Double pointsLine = propLine.map(PropLine::closing).orElse(null);
        Row.Builder row = Row.builder()
                .set("game_id", game.gameId())
                .set("nba_game_id", game.nbaGameId())
                .set("game_date", game.gameDate())
                .set("season_year", game.seasonYear())
                .set("player_lookup", line.playerLookup())
                .set("player_full_name", line.playerName())
                .set("team_abbr", line.team())
                .set("opponent_team_abbr", line.opponent())
                .set("home_game", line.isHome())
                .set("player_status", line.status().code())
                .set("is_dnp", line.isDnp())
                // the real tables have no starter source (real-warehouse.md 1.3): unknown, never guessed
                .set("starter", null)
                .set("minutes_played", line.isDnp() ? null : Rounding.column(line.minutes(), BoxScoreFormulas.MINUTES_DECIMALS));
        COUNTING_STATS.forEach((column, stat) -> row.set(column, line.stat(stat)));
        return RowHash.stamp(SCHEMA, row
                .set("ts_pct", points == null || fgAttempted == null || ftAttempted == null
                        ? null : BoxScoreFormulas.trueShootingPct(points, fgAttempted, ftAttempted))
                .set("efg_pct", effectiveFieldGoalPct(line))
                .set("usage_rate", usageRate(line, team))
                .set("points_line", Rounding.copied(pointsLine))
                .set("over_under_result", pointsLine == null || points == null ? null : OverUnder.of(points, pointsLine).name())
                .set("win_flag", Boolean.TRUE.equals(team.getBoolean("win_flag")))
                .set("processed_at", context.processedAt())
                .build());
    }

    private static BigDecimal effectiveFieldGoalPct(GamebookLine line)
    {
        Long made = line.stat("fg_made");
        Long threes = line.stat("three_pt_made");
        Long attempted = line.stat("fg_attempted");
        if (made == null || threes == null || attempted == null) {
            return null;
        }
        return BoxScoreFormulas.effectiveFgPct(made, threes, attempted);
    }

    /**
     * 100 x (FGA + 0.44 x FTA + TOV) x (team minutes / 5) / (minutes x (team FGA + 0.44 x team FTA
     * + team TOV)), exact, with the player's exact minutes (seconds / 60, not the rounded
     * minutes_played), rounded once at 1 decimal; null without minutes, or when the stored value
     * exceeds 100.
     */
    static BigDecimal usageRate(GamebookLine line, Row team)
    {
        Long fgAttempted = line.stat("fg_attempted");
        Long ftAttempted = line.stat("ft_attempted");
        Long turnovers = line.stat("turnovers");
        if (line.isDnp() || fgAttempted == null || ftAttempted == null || turnovers == null) {
            return null;
        }
        Fraction playerPlays = BoxScoreFormulas.plays(fgAttempted, ftAttempted, turnovers);
        Fraction teamPlays = BoxScoreFormulas.plays(team.getLongOrZero("fg_attempts"), team.getLongOrZero("ft_attempts"), team.getLongOrZero("turnovers"));
        Fraction gameMinutes = Fraction.of(TeamOffenseResults.teamMinutes(team), 5);
        BigDecimal usage = Rounding.ratio(playerPlays.times(100).times(gameMinutes), line.minutes().times(teamPlays), BoxScoreFormulas.USAGE_DECIMALS);
        return usage == null || usage.compareTo(MAX_USAGE) > 0 ? null : usage;
    }
}
