package dev.backfillfleet.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The real 2024-25 NBA schedule, which is not in the repository (/work/shared/data, or
 * ../shared/data beside the repository root): its games without the preseason, and the
 * nbac_schedule CSV they convert to. Tests that use it skip with a message when it is absent.
 */
final class RealSchedule
{
    static final String FILE = "nba-schedule-2024-25.csv";
    static final String SKIPPED = "skipped: the real schedule " + FILE + " is not in /work/shared/data or ../shared/data beside the repository";
    /** The real nbac_schedule's columns that the fleet reads (real-warehouse.md 1.1). */
    static final String HEADER = "game_id,game_date,season_year,game_date_est,game_status,home_team_tricode,away_team_tricode,home_team_score,"
            + "away_team_score,is_regular_season,is_playoffs,is_all_star,playoff_round,processed_at";
    /** When the converted rows say they were loaded: after the real loader stored tip-offs as true instants. */
    static final String LOADED_AT = "2026-01-15T12:00:00Z";

    private RealSchedule() {}

    static Optional<Path> file()
    {
        Path moduleDirectory = Path.of("").toAbsolutePath();
        Path repositoryRoot = Files.exists(moduleDirectory.resolve("bin")) ? moduleDirectory : moduleDirectory.getParent();
        return Stream.of(Path.of("/work/shared/data"), repositoryRoot.resolve("../shared/data").normalize())
                .map(directory -> directory.resolve(FILE))
                .filter(Files::isReadable)
                .findFirst();
    }

    /** The games of the file (regular season, play-in, playoffs). */
    static List<Game> games(Path file)
    {
        try {
            return Files.readAllLines(file).stream().skip(1).map(line -> line.split(",", -1))
                    .filter(fields -> !fields[3].equals("preseason"))
                    .map(Game::of)
                    .toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code games} as an nbac_schedule CSV. */
    static Path write(Path file, List<Game> games)
    {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        games.forEach(game -> lines.add(game.asScheduleRow()));
        try {
            return Files.write(file, lines);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of the real schedule: game_id,game_date,start_time_et,season_type,label,away_team,home_team,away_score,home_score,game_status,... */
    record Game(String nbaGameId, LocalDate date, LocalDateTime start, String seasonType, String label, String away, String home, long awayScore,
            long homeScore, long status)
    {
        static Game of(String[] fields)
        {
            LocalDate date = LocalDate.parse(fields[1]);
            return new Game(fields[0], date, LocalDateTime.parse(fields[1] + "T" + fields[2]), fields[3], fields[4], fields[5], fields[6],
                    Long.parseLong(fields[7]), Long.parseLong(fields[8]), Long.parseLong(fields[9]));
        }

        String winner()
        {
            return homeScore > awayScore ? home : away;
        }

        /** The standard id YYYYMMDD_AWAY_HOME. */
        String gameId()
        {
            return date.toString().replace("-", "") + "_" + away + "_" + home;
        }

        long pointsOf(String team)
        {
            return team.equals(home) ? homeScore : awayScore;
        }

        String opponentOf(String team)
        {
            return team.equals(home) ? away : home;
        }

        /** The game as a row of the real nbac_schedule: the season type as its flags, the tip-off as an Eastern wall-clock time. */
        String asScheduleRow()
        {
            long seasonYear = date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
            boolean regular = seasonType.equals("regular");
            return String.join(",", nbaGameId, date.toString(), Long.toString(seasonYear), date + " " + start.toLocalTime(), Long.toString(status),
                    home, away, Long.toString(homeScore), Long.toString(awayScore), regular ? "1" : "0", regular ? "0" : "1", "0", playoffRound(),
                    LOADED_AT);
        }

        /** The real playoff_round: play_in, or the round the label names. */
        String playoffRound()
        {
            if (seasonType.equals("play_in")) {
                return "play_in";
            }
            if (!seasonType.equals("playoffs")) {
                return "";
            }
            if (label.contains("First Round")) {
                return "first_round";
            }
            if (label.contains("Semifinals")) {
                return "conf_semifinals";
            }
            return label.contains("Conf. Finals") ? "conf_finals" : "nba_finals";
        }
    }
}
