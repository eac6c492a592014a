package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shot zones of every team in every game of a date, from the real
 * {@code bigdataball_play_by_play} (real-warehouse.md 1.4). A field-goal attempt is a row whose
 * shot_type is 2PT or 3PT (the test that holds for BigDataBall rows and for the NBA.com fallback
 * rows alike); the shooter's team is player_1_team_abbr; a blocked shot is that row with
 * player_2_role 'block', so a block is counted once, by the zone of the shot. A row names its game
 * by the two teams, matched as an unordered pair, since the fallback rows may have them swapped.
 */
public final class PlayByPlay
{
    static final List<String> COLUMNS = List.of(
            "home_team_abbr", "away_team_abbr", "player_1_team_abbr", "shot_type", "shot_distance", "shot_made", "player_2_role");
    private static final String BLOCK = "block";

    /** nba_game_id -> shooting team -> counts; a game with any event is present. */
    private final Map<String, Map<String, ShotZoneCounts>> byGame;

    private PlayByPlay(Map<String, Map<String, ShotZoneCounts>> byGame)
    {
        this.byGame = byGame;
    }

    public static PlayByPlay load(Warehouse warehouse, LocalDate date, GameIndex games)
    {
        Map<String, Map<String, ShotZoneCounts>> byGame = new HashMap<>();
        for (Row event : warehouse.read(RawTables.PLAY_BY_PLAY, DateRange.single(date), COLUMNS)) {
            Optional<ScheduledGame> game = games.byTeams(date, event.getString("home_team_abbr"), event.getString("away_team_abbr"));
            if (game.isEmpty()) {
                continue;
            }
            Map<String, ShotZoneCounts> teams = byGame.computeIfAbsent(game.get().nbaGameId(), key -> new HashMap<>());
            String shotType = uppercase(event.getString("shot_type"));
            String shooter = uppercase(event.getString("player_1_team_abbr"));
            if (!("2PT".equals(shotType) || "3PT".equals(shotType)) || shooter == null || !game.get().involves(shooter)) {
                continue;
            }
            ShotZone zone = ShotZone.of(shotType, event.getDouble("shot_distance"));
            boolean blocked = BLOCK.equals(lowercase(event.getString("player_2_role")));
            teams.put(shooter, teams.getOrDefault(shooter, ShotZoneCounts.NONE).plus(zone, Boolean.TRUE.equals(event.getBoolean("shot_made")), blocked));
        }
        return new PlayByPlay(byGame);
    }

    /** The shooting team's zones, or empty when the game has no play-by-play at all. */
    public Optional<ShotZoneCounts> shotsOf(ScheduledGame game, String shootingTeam)
    {
        Map<String, ShotZoneCounts> teams = byGame.get(game.nbaGameId());
        if (teams == null) {
            return Optional.empty();
        }
        return Optional.of(teams.getOrDefault(shootingTeam, ShotZoneCounts.NONE));
    }

    private static String uppercase(String text)
    {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    private static String lowercase(String text)
    {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
