package dev.backfillfleet.schedule;

import dev.backfillfleet.warehouse.Row;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the real {@code nba_raw.nbac_schedule}, as loaded (real-warehouse.md 1.1): several
 * may describe one game, written at different times with conflicting statuses.
 */
record ScheduleRow(
        String gameId,
        LocalDate gameDate,
        long seasonYear,
        Instant gameDateEst,
        Long gameStatus,
        String homeTeam,
        String awayTeam,
        Long homeScore,
        Long awayScore,
        Boolean regularSeason,
        Boolean playoffs,
        Boolean allStar,
        String playoffRound,
        Instant processedAt)
{
    /** The columns {@link #of} reads. */
    static final List<String> COLUMNS = List.of(
            "game_id", "game_date", "season_year", "game_date_est", "game_status", "home_team_tricode", "away_team_tricode",
            "home_team_score", "away_team_score", "is_regular_season", "is_playoffs", "is_all_star", "playoff_round", "processed_at");

    /**
     * The pick rule of the real pipeline's {@code v_nbac_schedule_latest}, applied to the base table
     * (the view covers a few months only): per (game_id, game_date), the highest game_status, then
     * the latest processed_at.
     */
    static final Comparator<ScheduleRow> LATEST = Comparator.comparing((ScheduleRow row) -> row.gameStatus() == null ? Long.MIN_VALUE : row.gameStatus())
            .thenComparing(ScheduleRow::processedAt, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    static ScheduleRow of(Row row)
    {
        return new ScheduleRow(
                row.getString("game_id"),
                row.getDate("game_date"),
                row.getLong("season_year"),
                row.getTimestamp("game_date_est"),
                row.getLong("game_status"),
                row.getString("home_team_tricode"),
                row.getString("away_team_tricode"),
                row.getLong("home_team_score"),
                row.getLong("away_team_score"),
                row.getBoolean("is_regular_season"),
                row.getBoolean("is_playoffs"),
                row.getBoolean("is_all_star"),
                row.getString("playoff_round"),
                row.getTimestamp("processed_at"));
    }

    /** The key the pick rule keeps one row of: NBA.com reuses a game_id when it moves a game, hence the date. */
    String key()
    {
        return gameId + "|" + gameDate;
    }

    /**
     * The season type of the real reader (get_nba_api_season_type), tested in this order: All-Star
     * (not a game of ours), play-in, playoffs, regular; anything else is preseason, which is not
     * loaded either.
     */
    Optional<String> seasonType()
    {
        if (Boolean.TRUE.equals(allStar)) {
            return Optional.empty();
        }
        if (Boolean.TRUE.equals(playoffs)) {
            return Optional.of("play_in".equals(playoffRound) ? Schedule.PLAY_IN : Schedule.PLAYOFFS);
        }
        return Boolean.TRUE.equals(regularSeason) ? Optional.of(Schedule.REGULAR) : Optional.empty();
    }

    /** The tip-off instant, with the wall-clock-as-UTC form of older rows read as the Eastern time it is. */
    Instant tipOff()
    {
        if (gameDateEst == null || processedAt == null || !processedAt.isBefore(Schedule.TIP_OFF_STORED_AS_UTC_UNTIL)) {
            return gameDateEst;
        }
        return LocalDateTime.ofInstant(gameDateEst, ZoneOffset.UTC).atZone(EASTERN).toInstant();
    }

    /** Final with both scores: a game that was played. A final row without scores is the leftover of a moved game. */
    boolean isPlayed()
    {
        return gameStatus != null && gameStatus == ScheduledGame.FINAL && homeScore != null && awayScore != null;
    }

    ScheduledGame toGame(String seasonType)
    {
        return new ScheduledGame(gameId, gameDate, seasonYear, seasonType, tipOff(), homeTeam.trim().toUpperCase(Locale.ROOT), awayTeam.trim().toUpperCase(Locale.ROOT),
                gameStatus == null ? 0 : gameStatus, homeScore, awayScore);
    }
}
