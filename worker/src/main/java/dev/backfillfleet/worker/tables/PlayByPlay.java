package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The shot zones of every team in every game of a date, from {@code bigdataball_play_by_play}.
 * A blocked shot is a missed shot event of the shooting team marked {@code blocked}; separate
 * {@code block} events are not counted, so that a block is never counted twice.
 */
public final class PlayByPlay
{
    private static final String SHOT = "shot";

    /** nba_game_id -> shooting team -> counts; a game with any event is present. */
    private final Map<String, Map<String, ShotZoneCounts>> byGame;

    private PlayByPlay(Map<String, Map<String, ShotZoneCounts>> byGame)
    {
        this.byGame = byGame;
    }

    public static PlayByPlay load(Warehouse warehouse, LocalDate date, GameIndex games)
    {
        Map<String, Map<String, ShotZoneCounts>> byGame = new HashMap<>();
        for (Row event : warehouse.read(RawTables.PLAY_BY_PLAY, DateRange.single(date))) {
            Optional<ScheduledGame> game = games.byStandardId(event.getString("game_id"));
            if (game.isEmpty()) {
                continue;
            }
            Map<String, ShotZoneCounts> teams = byGame.computeIfAbsent(game.get().nbaGameId(), key -> new HashMap<>());
            if (!SHOT.equals(lowercase(event.getString("event_type")))) {
                continue;
            }
            ShotZone zone = ShotZone.of(event.getString("shot_type"), event.getLong("shot_distance"));
            String team = event.getString("event_team_abbr").trim().toUpperCase(Locale.ROOT);
            ShotZoneCounts counted = teams.getOrDefault(team, ShotZoneCounts.NONE);
            teams.put(team, counted.plus(zone, isTrue(event.getBoolean("shot_made")), isTrue(event.getBoolean("blocked"))));
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

    private static String lowercase(String text)
    {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isTrue(Boolean value)
    {
        return Boolean.TRUE.equals(value);
    }
}
