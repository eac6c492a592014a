package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The stat line of every team in every final game of a date: the team box score when it is
 * valid (by the real pick rule, {@link TeamBoxScores}), else the sum of the team's active gamebook players (at least five), decided per
 * team-game. A team-game with neither fails the date, naming the game.
 */
public final class TeamGameStats
{
    private final TeamBoxScores boxScores;
    private final Map<String, List<Row>> activePlayers;

    private TeamGameStats(TeamBoxScores boxScores, Map<String, List<Row>> activePlayers)
    {
        this.boxScores = boxScores;
        this.activePlayers = activePlayers;
    }

    public static TeamGameStats load(Warehouse warehouse, LocalDate date)
    {
        DateRange day = DateRange.single(date);
        TeamBoxScores boxScores = TeamBoxScores.load(warehouse, date);
        Map<String, List<Row>> activePlayers = warehouse.read(RawTables.GAMEBOOK_PLAYER_STATS, day).stream()
                .filter(row -> "active".equalsIgnoreCase(row.getString("player_status")))
                .collect(Collectors.groupingBy(row -> key(row.getString("game_id"), row.getString("team_abbr"))));
        return new TeamGameStats(boxScores, activePlayers);
    }

    public TeamStatLine statLine(ScheduledGame game, String team)
    {
        Optional<Row> boxScore = boxScores.of(team);
        if (boxScore.isPresent()) {
            return TeamStatLine.fromBoxScore(boxScore.get());
        }
        List<Row> players = activePlayers.getOrDefault(key(game.gameId(), team), List.of());
        if (players.size() >= TeamStatLine.MINIMUM_PLAYERS_FOR_RECONSTRUCTION) {
            return TeamStatLine.fromPlayers(players);
        }
        throw FleetException.permanentFailure("game " + game.gameId() + " (" + game.nbaGameId() + ") is final but " + team
                + " has no valid row in " + RawTables.TEAM_BOXSCORE + " and only " + players.size() + " active players in "
                + RawTables.GAMEBOOK_PLAYER_STATS);
    }

    private static String key(String gameId, String team)
    {
        return gameId + "|" + team;
    }
}
