package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schedule.ScheduledGame;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The stat line of every team in every final game of a date: the team box score when it is
 * valid (by the real pick rule, {@link TeamBoxScores}), else the sum of the team's active gamebook
 * players (at least five), decided per team-game. A team-game with neither fails the date, naming
 * the game.
 */
public final class TeamGameStats
{
    private final TeamBoxScores boxScores;
    private final Gamebook gamebook;

    private TeamGameStats(TeamBoxScores boxScores, Gamebook gamebook)
    {
        this.boxScores = boxScores;
        this.gamebook = gamebook;
    }

    public static TeamGameStats load(Warehouse warehouse, LocalDate date, List<ScheduledGame> games)
    {
        return new TeamGameStats(TeamBoxScores.load(warehouse, date), Gamebook.read(warehouse, date, games));
    }

    public TeamStatLine statLine(ScheduledGame game, String team)
    {
        Optional<Row> boxScore = boxScores.of(team);
        if (boxScore.isPresent()) {
            return TeamStatLine.fromBoxScore(boxScore.get());
        }
        List<GamebookLine> players = gamebook.activePlayers(game, team);
        if (players.size() >= TeamStatLine.MINIMUM_PLAYERS_FOR_RECONSTRUCTION) {
            return TeamStatLine.fromPlayers(players);
        }
        throw FleetException.permanentFailure("game " + game.gameId() + " (" + game.nbaGameId() + ") is final but " + team
                + " has no valid row in " + RawTables.TEAM_BOXSCORE + " and only " + players.size() + " active players in "
                + RawTables.GAMEBOOK_PLAYER_STATS);
    }
}
