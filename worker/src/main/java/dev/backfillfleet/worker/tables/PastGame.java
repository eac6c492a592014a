package dev.backfillfleet.worker.tables;

import dev.backfillfleet.warehouse.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One player_game_summary row of a player's history: what the context features need of it. */
public record PastGame(LocalDate date, String nbaGameId, String team, boolean dnp, BigDecimal minutesPlayed, Long points)
{
    /** The columns {@link #of} reads, so that a history is read with these only (7 of the table's 37). */
    public static final List<String> COLUMNS = List.of("game_date", "nba_game_id", "team_abbr", "is_dnp", "minutes_played", "points");

    public static PastGame of(Row row)
    {
        return new PastGame(
                row.getDate("game_date"),
                row.getString("nba_game_id"),
                row.getString("team_abbr"),
                Boolean.TRUE.equals(row.getBoolean("is_dnp")),
                row.getDecimal("minutes_played"),
                row.getLong("points"));
    }

    /** Played and scored (a DNP, or a row without points, has no points to use). */
    public boolean hasPoints()
    {
        return !dnp && points != null;
    }

    /** minutes_played, the exact decimal stored (NUMERIC); 0 for a DNP. */
    public Fraction minutesOrZero()
    {
        return dnp || minutesPlayed == null ? Fraction.ZERO : Fraction.of(minutesPlayed);
    }
}
