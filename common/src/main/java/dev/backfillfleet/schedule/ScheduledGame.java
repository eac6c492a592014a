package dev.backfillfleet.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One game of the schedule, with both id forms. {@code startTimeEt} is the tip-off instant, null
 * when the schedule has none (its game_date_est is nullable).
 */
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
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    /** The standard id {@code YYYYMMDD_AWAY_HOME} used by box scores, gamebooks and props. */
    public String gameId()
    {
        return gameDate.format(COMPACT_DATE) + "_" + awayTeam + "_" + homeTeam;
    }

    /**
     * By when pre-game information (injury reports, lines) must have been published to count: the
     * tip-off, or, when the schedule has none, the start of the game date in Eastern time, so that
     * nothing published on the day can leak the game into its own context.
     */
    public Instant preGameCutoff()
    {
        return startTimeEt != null ? startTimeEt : gameDate.atStartOfDay(EASTERN).toInstant();
    }

    public boolean isFinal()
    {
        return gameStatus == FINAL;
    }

    public boolean involves(String team)
    {
        return team.equals(homeTeam) || team.equals(awayTeam);
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
