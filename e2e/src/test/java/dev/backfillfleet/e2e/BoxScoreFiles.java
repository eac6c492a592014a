package dev.backfillfleet.e2e;

import dev.backfillfleet.e2e.RealSchedule.Game;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Team box scores and gamebooks for real games, as import files. The real box scores are not in
 * this repository: these lines add up to each game's real final score and are otherwise made up,
 * deterministically, with two lines chosen so that a derived value falls exactly on a half: NYK's
 * bench player on 2024-10-22 (usage 19200 / 614.4 = 31.25) and DEN on 2024-10-24 (offensive rating
 * 8700 / 96 = 90.625); every slot-4 starter plays 31:33 (31.55 minutes). Beside each line stand
 * the duplicate and stale rows real loads leave, which the pick rules must discard.
 */
final class BoxScoreFiles
{
    static final String TEAM_HEADER = "game_id,nba_game_id,game_date,season_year,team_abbr,is_home,minutes,fg_made,fg_attempted,three_pt_made,"
            + "three_pt_attempted,ft_made,ft_attempted,offensive_rebounds,defensive_rebounds,total_rebounds,assists,turnovers,steals,blocks,"
            + "personal_fouls,points,plus_minus,processed_at";
    /** The real gamebook's columns the fleet reads: counting stats spelled out, no starter column, the 10-digit id not among them. */
    static final String GAMEBOOK_HEADER = "game_id,game_date,season_year,team_abbr,player_lookup,player_name,player_name_original,player_status,"
            + "minutes,field_goals_made,field_goals_attempted,three_pointers_made,three_pointers_attempted,free_throws_made,free_throws_attempted,"
            + "offensive_rebounds,defensive_rebounds,total_rebounds,assists,turnovers,steals,blocks,personal_fouls,points,plus_minus,processed_at";
    private static final String EARLIER_LOAD = "2026-01-15T06:00:00Z";
    private static final String LATER_LOAD = "2026-01-15T18:00:00Z";
    private static final List<String> STARTER_MINUTES = List.of("36:00", "34:30", "33:00", "31:33", "30:00");

    /** Counting stats; points are 2 x FGM + 3PM + FTM. */
    record Stats(long fgMade, long fgAttempted, long threeMade, long threeAttempted, long ftMade, long ftAttempted, long offensiveRebounds,
            long defensiveRebounds, long assists, long turnovers, long steals, long blocks, long fouls)
    {
        long points()
        {
            return 2 * fgMade + threeMade + ftMade;
        }

        String csv()
        {
            return String.join(",", List.of(fgMade, fgAttempted, threeMade, threeAttempted, ftMade, ftAttempted, offensiveRebounds,
                    defensiveRebounds, offensiveRebounds + defensiveRebounds, assists, turnovers, steals, blocks, fouls, points())
                    .stream().map(String::valueOf).toList());
        }
    }

    record TeamLine(Game game, String team, String minutes, Stats stats) {}

    record PlayerLine(Game game, String team, String name, String status, boolean starter, String minutes, Stats stats)
    {
        String lookup()
        {
            return name.toLowerCase().replaceAll("[^a-z0-9]", "");
        }
    }

    private final List<TeamLine> teams = new ArrayList<>();
    private final List<PlayerLine> players = new ArrayList<>();

    BoxScoreFiles(List<Game> games)
    {
        for (Game game : games) {
            for (String team : List.of(game.away(), game.home())) {
                teams.add(new TeamLine(game, team, "240:00", teamStats(game, team)));
                addPlayers(game, team);
            }
        }
    }

    List<TeamLine> teams()
    {
        return teams;
    }

    List<PlayerLine> players()
    {
        return players;
    }

    /**
     * Each team's final line, and beside it what real loads leave (real-warehouse.md 1.2): an
     * earlier load of the same (game_id, team) with other numbers, which the latest load replaces;
     * a later in-progress placeholder under the 10-digit id, with no points or attempts; and a
     * halftime load under the 10-digit id, with fewer attempts than the final line.
     */
    Path writeTeams(Path file)
    {
        List<String> lines = new ArrayList<>(List.of(TEAM_HEADER));
        for (TeamLine line : teams) {
            lines.add(teamLine(line, line.game().gameId(), line.stats(), RealSchedule.LOADED_AT));
            lines.add(teamLine(line, line.game().gameId(), doubled(line.stats()), EARLIER_LOAD));
            lines.add(teamLine(line, line.game().nbaGameId(), new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), LATER_LOAD));
            lines.add(teamLine(line, line.game().nbaGameId(), halved(line.stats()), EARLIER_LOAD));
        }
        return write(file, lines);
    }

    /** Each player's line, and an earlier load of the same (game_id, player) with other numbers, which the latest load replaces. */
    Path writeGamebook(Path file)
    {
        List<String> lines = new ArrayList<>(List.of(GAMEBOOK_HEADER));
        for (PlayerLine line : players) {
            lines.add(playerLine(line, line.stats(), RealSchedule.LOADED_AT));
            if (line.stats() != null) {
                lines.add(playerLine(line, doubled(line.stats()), EARLIER_LOAD));
            }
        }
        return write(file, lines);
    }

    private static String teamLine(TeamLine line, String gameId, Stats stats, String processedAt)
    {
        return String.join(",", gameId, line.game().nbaGameId(), line.game().date().toString(), "2024",
                line.team(), Boolean.toString(line.team().equals(line.game().home())), line.minutes(), stats.csv(), "", processedAt);
    }

    private static String playerLine(PlayerLine line, Stats stats, String processedAt)
    {
        return String.join(",", line.game().gameId(), line.game().date().toString(), "2024", line.team(), line.lookup(),
                line.name(), line.name(), line.status(), line.minutes() == null ? "" : line.minutes(),
                stats == null ? ",,,,,,,,,,,,,," : stats.csv(), stats == null ? "" : "0", processedAt);
    }

    private static Stats doubled(Stats stats)
    {
        return new Stats(2 * stats.fgMade(), 2 * stats.fgAttempted(), 2 * stats.threeMade(), 2 * stats.threeAttempted(), 2 * stats.ftMade(),
                2 * stats.ftAttempted(), 2 * stats.offensiveRebounds(), 2 * stats.defensiveRebounds(), 2 * stats.assists(), 2 * stats.turnovers(),
                2 * stats.steals(), 2 * stats.blocks(), 2 * stats.fouls());
    }

    private static Stats halved(Stats stats)
    {
        return new Stats(stats.fgMade() / 2, stats.fgAttempted() / 2, stats.threeMade() / 2, stats.threeAttempted() / 2, stats.ftMade() / 2,
                stats.ftAttempted() / 2, stats.offensiveRebounds() / 2, stats.defensiveRebounds() / 2, stats.assists() / 2, stats.turnovers() / 2,
                stats.steals() / 2, stats.blocks() / 2, stats.fouls() / 2);
    }

    private static Stats teamStats(Game game, String team)
    {
        long points = game.pointsOf(team);
        if (team.equals("NYK") && game.date().toString().equals("2024-10-22")) {
            // team plays 80 + 0.44 x 10 + 18 = 102.4 for the bench player's usage
            return check(points, new Stats(40, 80, 21, 45, 8, 10, 9, 30, 25, 18, 6, 3, 19));
        }
        if (team.equals("DEN") && game.date().toString().equals("2024-10-24")) {
            // possessions 84 + 11 - 11 + 12 = 96
            return check(points, new Stats(30, 84, 8, 30, 19, 25, 11, 33, 20, 12, 7, 5, 18));
        }
        int k = Math.floorMod((team + game.date()).hashCode(), 97);
        long threes = 10 + k % 8;
        long freeThrows = 14 + k % 6;
        if ((points - threes - freeThrows) % 2 != 0) {
            freeThrows++;
        }
        long fieldGoals = (points - threes - freeThrows) / 2;
        return check(points, new Stats(fieldGoals, fieldGoals + 45 + k % 6, threes, threes + 22 + k % 5, freeThrows, freeThrows + 3 + k % 4,
                8 + k % 6, 32 + k % 7, 24 + k % 6, 11 + k % 6, 6 + k % 4, 4 + k % 4, 17 + k % 5));
    }

    private void addPlayers(Game game, String team)
    {
        for (int slot = 0; slot < STARTER_MINUTES.size(); slot++) {
            players.add(new PlayerLine(game, team, team + " Player " + (slot + 1), "active", true, STARTER_MINUTES.get(slot),
                    new Stats(4 + slot, 9 + 2 * slot, slot % 3, 2 + slot % 3, slot, slot + 1, 1, 4, 3, 2, 1, 0, 2)));
        }
        boolean usageOnAHalf = team.equals("NYK") && game.date().toString().equals("2024-10-22");
        players.add(usageOnAHalf
                ? new PlayerLine(game, team, team + " Player 6", "active", false, "06:00", new Stats(2, 4, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1))
                : new PlayerLine(game, team, team + " Player 6", "active", false, "20:00", new Stats(3, 7, 1, 3, 2, 2, 0, 3, 1, 1, 0, 1, 2)));
        players.add(new PlayerLine(game, team, team + " Player 7", "dnp", false, null, null));
        players.add(new PlayerLine(game, team, team + " Player 8", "inactive", false, null, null));
    }

    private static Stats check(long points, Stats stats)
    {
        if (stats.points() != points || stats.fgMade() < stats.threeMade()) {
            throw new IllegalStateException("inconsistent line " + stats + " for " + points + " points");
        }
        return stats;
    }

    private static Path write(Path file, List<String> lines)
    {
        try {
            return Files.write(file, lines);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
