package dev.backfillfleet.schedule;

import dev.backfillfleet.warehouse.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** One game of the schedule, with both id forms. */
public record ScheduledGame(
        String nbaGameId,
        LocalDate gameDate,
        long seasonYear,
        String seasonType,
        Instant startTimeEt,
        String homeTeam,
        String awayTeam,
        long gameStatus,
        Long homeScore,
        Long awayScore)
{
    public static final long FINAL = 3;
    private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    public static ScheduledGame fromRow(Row row)
    {
        return new ScheduledGame(
                row.getString("nba_game_id"),
                row.getDate("game_date"),
                row.getLong("season_year"),
                row.getString("season_type"),
                row.getTimestamp("start_time_et"),
                row.getString("home_team"),
                row.getString("away_team"),
                row.getLong("game_status"),
                row.getLong("home_score"),
                row.getLong("away_score"));
    }

    /** The standard id {@code YYYYMMDD_AWAY_HOME} used by box scores, gamebooks and props. */
    public String gameId()
    {
        return gameDate.format(COMPACT_DATE) + "_" + awayTeam + "_" + homeTeam;
    }

    public boolean isFinal()
    {
        return gameStatus == FINAL;
    }

    public String opponentOf(String team)
    {
        if (team.equals(homeTeam)) {
            return awayTeam;
        }
        if (team.equals(awayTeam)) {
            return homeTeam;
        }
        throw new IllegalArgumentException(team + " does not play in " + gameId());
    }
}
