package dev.backfillfleet.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static java.util.Objects.requireNonNull;

/** One schedule entry: a game between two teams at a tip-off time (Eastern game date). */
public record DemoGame(String nbaGameId, LocalDate gameDate, int seasonYear, SeasonType seasonType, Instant startTime, String homeTeam, String awayTeam)
{
    public DemoGame
    {
        requireNonNull(nbaGameId, "nbaGameId is null");
        requireNonNull(gameDate, "gameDate is null");
        requireNonNull(seasonType, "seasonType is null");
        requireNonNull(startTime, "startTime is null");
        requireNonNull(homeTeam, "homeTeam is null");
        requireNonNull(awayTeam, "awayTeam is null");
        if (!nbaGameId.matches("\\d{10}") || !nbaGameId.startsWith(seasonType.gameIdPrefix())) {
            throw new IllegalArgumentException("bad NBA game id " + nbaGameId + " for " + seasonType);
        }
        if (homeTeam.equals(awayTeam)) {
            throw new IllegalArgumentException(homeTeam + " cannot play itself");
        }
    }

    /** The standard id {@code YYYYMMDD_AWAY_HOME}. */
    public String gameId()
    {
        return gameDate.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + awayTeam + "_" + homeTeam;
    }

    public boolean involves(String team)
    {
        return homeTeam.equals(team) || awayTeam.equals(team);
    }

    public String opponentOf(String team)
    {
        return homeTeam.equals(team) ? awayTeam : homeTeam;
    }

    public DemoGame withStartTime(Instant newStartTime)
    {
        return new DemoGame(nbaGameId, gameDate, seasonYear, seasonType, newStartTime, homeTeam, awayTeam);
    }
}
