package dev.backfillfleet.worker.tables;

import dev.backfillfleet.warehouse.Row;

import java.math.BigDecimal;
import java.util.List;

/**
 * One team's counting stats in one game, from the team box score or rebuilt from its active
 * gamebook players, with the formulas analytics-tables.md defines on them.
 */
public record TeamStatLine(
        long points,
        long fgMade,
        long fgAttempted,
        long threePtMade,
        long threePtAttempted,
        long ftMade,
        long ftAttempted,
        long offensiveRebounds,
        long defensiveRebounds,
        long totalRebounds,
        long assists,
        long turnovers,
        long steals,
        long blocks,
        long personalFouls,
        long teamMinutes,
        DataSource source)
{
    public static final long REGULATION_MINUTES = 240;
    public static final long OVERTIME_MINUTES = 25;
    public static final int MINIMUM_PLAYERS_FOR_RECONSTRUCTION = 5;

    public enum DataSource
    {
        TEAM_BOXSCORE("team_boxscore", "gold"),
        RECONSTRUCTED_FROM_PLAYERS("reconstructed_from_players", "silver");

        private final String columnValue;
        private final String qualityTier;

        DataSource(String columnValue, String qualityTier)
        {
            this.columnValue = columnValue;
            this.qualityTier = qualityTier;
        }

        public String columnValue()
        {
            return columnValue;
        }

        public String qualityTier()
        {
            return qualityTier;
        }
    }

    /** A box-score row is usable when it has points and field-goal attempts. */
    public static boolean isValidBoxScore(Row row)
    {
        return row.getLongOrZero("points") > 0 && row.getLongOrZero("fg_attempted") > 0;
    }

    public static TeamStatLine fromBoxScore(Row row)
    {
        return new TeamStatLine(
                row.getLongOrZero("points"), row.getLongOrZero("fg_made"), row.getLongOrZero("fg_attempted"),
                row.getLongOrZero("three_pt_made"), row.getLongOrZero("three_pt_attempted"),
                row.getLongOrZero("ft_made"), row.getLongOrZero("ft_attempted"),
                row.getLongOrZero("offensive_rebounds"), row.getLongOrZero("defensive_rebounds"), row.getLongOrZero("total_rebounds"),
                row.getLongOrZero("assists"), row.getLongOrZero("turnovers"), row.getLongOrZero("steals"),
                row.getLongOrZero("blocks"), row.getLongOrZero("personal_fouls"),
                parseMinutes(row.getString("minutes")) / 60, DataSource.TEAM_BOXSCORE);
    }

    /**
     * Sums active players; team minutes are the sum of the players' minutes (240 in regulation), to
     * the nearest minute (half a minute rounds up).
     */
    public static TeamStatLine fromPlayers(List<GamebookLine> activePlayers)
    {
        long playerSeconds = activePlayers.stream().mapToLong(GamebookLine::seconds).sum();
        return new TeamStatLine(
                sum(activePlayers, "points"), sum(activePlayers, "fg_made"), sum(activePlayers, "fg_attempted"),
                sum(activePlayers, "three_pt_made"), sum(activePlayers, "three_pt_attempted"),
                sum(activePlayers, "ft_made"), sum(activePlayers, "ft_attempted"),
                sum(activePlayers, "offensive_rebounds"), sum(activePlayers, "defensive_rebounds"), sum(activePlayers, "total_rebounds"),
                sum(activePlayers, "assists"), sum(activePlayers, "turnovers"), sum(activePlayers, "steals"),
                sum(activePlayers, "blocks"), sum(activePlayers, "personal_fouls"),
                (playerSeconds + 30) / 60, DataSource.RECONSTRUCTED_FROM_PLAYERS);
    }

    private static long sum(List<GamebookLine> players, String column)
    {
        return players.stream().map(player -> player.recorded(column)).mapToLong(value -> value == null ? 0 : value).sum();
    }

    /** "MM:SS" (minutes may exceed 59, e.g. "240:00") to seconds; null or blank is 0. */
    public static long parseMinutes(String text)
    {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String[] parts = text.trim().split(":");
        long minutes = Long.parseLong(parts[0]);
        long seconds = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        return minutes * 60 + seconds;
    }

    /**
     * FGA + 0.44 x FTA - OREB + TOV, exact. Ratings and pace divide by this value, never by the
     * rounded possessions column (analytics-tables.md: a column derived from a rounded column uses
     * the unrounded value).
     */
    public Fraction exactPossessions()
    {
        return BoxScoreFormulas.shootingPlays(fgAttempted, ftAttempted).minus(Fraction.of(offensiveRebounds)).plus(turnovers);
    }

    /** The possessions column: {@link #exactPossessions} rounded half-up at 1 decimal. */
    public BigDecimal possessions()
    {
        return Rounding.column(exactPossessions(), BoxScoreFormulas.POSSESSIONS_DECIMALS);
    }

    /** 100 x points / exact possessions, at 2 decimals. */
    public BigDecimal offensiveRating()
    {
        return Rounding.ratio(Fraction.of(100 * points), exactPossessions(), BoxScoreFormulas.RATING_DECIMALS);
    }

    /** Possessions per 48 minutes: exact possessions x 48 / (team minutes / 5), at 1 decimal. */
    public BigDecimal pace()
    {
        return Rounding.ratio(exactPossessions().times(48), Fraction.of(teamMinutes, 5), BoxScoreFormulas.PACE_DECIMALS);
    }

    public BigDecimal trueShootingPct()
    {
        return BoxScoreFormulas.trueShootingPct(points, fgAttempted, ftAttempted);
    }

    public BigDecimal effectiveFgPct()
    {
        return BoxScoreFormulas.effectiveFgPct(fgMade, threePtMade, fgAttempted);
    }

    public long overtimePeriods()
    {
        return Math.max(0, (teamMinutes - REGULATION_MINUTES) / OVERTIME_MINUTES);
    }
}
