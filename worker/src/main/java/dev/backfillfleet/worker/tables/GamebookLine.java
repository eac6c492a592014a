package dev.backfillfleet.worker.tables;

import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.warehouse.Row;

import java.util.Locale;

/** One gamebook row, with its status parsed, the player key normalised and the minutes in seconds. */
public record GamebookLine(
        ScheduledGame game,
        String team,
        String playerLookup,
        String playerName,
        GamebookStatus status,
        boolean starter,
        long seconds,
        Row source)
{
    public static GamebookLine of(ScheduledGame game, Row row)
    {
        return new GamebookLine(
                game,
                row.getString("team_abbr").trim().toUpperCase(Locale.ROOT),
                PlayerLookup.of(row.getString("player_lookup")),
                row.getString("player_name"),
                GamebookStatus.parse(row.getString("player_status")),
                Boolean.TRUE.equals(row.getBoolean("starter")),
                TeamStatLine.parseMinutes(row.getString("minutes")),
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

    /** A counting stat, or null when the player did not play or the gamebook has none. */
    public Long stat(String column)
    {
        return isDnp() ? null : source.getLong(column);
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
