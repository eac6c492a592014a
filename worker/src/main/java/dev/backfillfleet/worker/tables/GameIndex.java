package dev.backfillfleet.worker.tables;

import dev.backfillfleet.schedule.ScheduledGame;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves the ways raw tables name a game to the schedule's game: the 10-digit NBA id, a standard
 * id {@code YYYYMMDD_AWAY_HOME}, or a date and two team codes. Teams are matched as an unordered
 * pair, so a source that writes the teams the other way round still joins.
 */
public final class GameIndex
{
    private final Map<String, ScheduledGame> byDateAndTeams = new HashMap<>();
    private final Map<String, ScheduledGame> byNbaGameId = new HashMap<>();
    // play-by-play and props name the same few games on every row: each id is parsed once
    private final Map<String, Optional<ScheduledGame>> byStandardId = new ConcurrentHashMap<>();

    private GameIndex(List<ScheduledGame> games)
    {
        for (ScheduledGame game : games) {
            byDateAndTeams.put(key(game.gameDate(), game.homeTeam(), game.awayTeam()), game);
            byNbaGameId.put(game.nbaGameId(), game);
        }
    }

    public static GameIndex of(List<ScheduledGame> games)
    {
        return new GameIndex(games);
    }

    public Optional<ScheduledGame> byTeams(LocalDate date, String oneTeam, String otherTeam)
    {
        if (date == null || oneTeam == null || otherTeam == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDateAndTeams.get(key(date, oneTeam, otherTeam)));
    }

    /** The game either id form names: the 10-digit NBA id, or a standard id (read with its teams in either order). */
    public Optional<ScheduledGame> byAnyId(String gameId)
    {
        if (gameId == null) {
            return Optional.empty();
        }
        String trimmed = gameId.trim();
        return isNbaGameId(trimmed) ? Optional.ofNullable(byNbaGameId.get(trimmed)) : byStandardId(trimmed);
    }

    private static boolean isNbaGameId(String gameId)
    {
        if (gameId.length() != 10) {
            return false;
        }
        for (int i = 0; i < gameId.length(); i++) {
            if (!Character.isDigit(gameId.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The game a standard id names, if it is well formed and on the schedule. */
    public Optional<ScheduledGame> byStandardId(String gameId)
    {
        if (gameId == null) {
            return Optional.empty();
        }
        return byStandardId.computeIfAbsent(gameId, this::parseStandardId);
    }

    private Optional<ScheduledGame> parseStandardId(String gameId)
    {
        String[] parts = gameId.trim().split("_");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return byTeams(LocalDate.parse(parts[0], DateTimeFormatter.BASIC_ISO_DATE), parts[1], parts[2]);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String key(LocalDate date, String oneTeam, String otherTeam)
    {
        String first = oneTeam.trim().toUpperCase(Locale.ROOT);
        String second = otherTeam.trim().toUpperCase(Locale.ROOT);
        return first.compareTo(second) <= 0 ? date + "|" + first + "|" + second : date + "|" + second + "|" + first;
    }
}
