package dev.backfillfleet.worker.tables;

import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;

import java.time.Instant;
import java.util.Locale;

/**
 * One gamebook row, with its status parsed, the player key normalised and the minutes in seconds.
 * The counting stats are asked for by their team box score names ({@code fg_made}); the gamebook
 * spells some out ({@code field_goals_made}, {@link RawTables#GAMEBOOK_STAT_NAMES}).
 */
public record GamebookLine(
        ScheduledGame game,
        String team,
        String playerLookup,
        String playerName,
        GamebookStatus status,
        long seconds,
        Instant processedAt,
        Row source)
{
    /** A line of {@code row}, whose team and player are known (see {@link Gamebook}). */
    public static GamebookLine of(ScheduledGame game, Row row)
    {
        String name = row.getString("player_name") != null ? row.getString("player_name") : row.getString("player_name_original");
        String lookup = row.getString("player_lookup") != null ? row.getString("player_lookup") : PlayerLookup.gamebook(name);
        return new GamebookLine(
                game,
                row.getString("team_abbr").trim().toUpperCase(Locale.ROOT),
                PlayerLookup.of(lookup),
                name,
                GamebookStatus.parse(row.getString("player_status")),
                TeamStatLine.parseMinutes(row.getString("minutes")),
                row.getTimestamp("processed_at"),
                row);
    }

    /** DNP or inactive, or active without a second on the floor: no stats count. */
    public boolean isDnp()
    {
        return status != GamebookStatus.ACTIVE || seconds == 0;
    }

    /** Exact minutes on the floor ("31:30" is 31.5, "31:20" is 94/3); 0 for a DNP. */
    public Fraction minutes()
    {
        return isDnp() ? Fraction.ZERO : BoxScoreFormulas.minutes(seconds);
    }

    /** A counting stat by its box score name, or null when the player did not play or the gamebook has none. */
    public Long stat(String column)
    {
        return isDnp() ? null : recorded(column);
    }

    /** The stat as the gamebook has it, for an active player even without minutes (a team rebuilt from its players). */
    public Long recorded(String column)
    {
        return column.equals("plus_minus") ? source.getLong(column) : source.getLong(RawTables.GAMEBOOK_STAT_NAMES.get(column));
    }

    public boolean isHome()
    {
        return team.equals(game.homeTeam());
    }

    public String opponent()
    {
        return game.opponentOf(team);
    }
}
