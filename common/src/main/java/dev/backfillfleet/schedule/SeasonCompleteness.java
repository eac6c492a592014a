package dev.backfillfleet.schedule;

import dev.backfillfleet.schema.RawTables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether a season's schedule is in {@code nba_raw.nbac_schedule} whole, judged from the schedule
 * itself (there is no record of what a loader completed). The real loader writes a season's whole
 * schedule at once, every game, the future ones as scheduled (real-warehouse.md 1.1); and NBA.com
 * numbers every regular-season game of a season in one sequence, game_id 002YY00001 to 002YY0NNNN,
 * and the games of a playoff series 1 to 7 (004YY00RSG). So a season is whole when it has games and
 * neither sequence has a hole: a date range imported alone, or a date lost, leaves numbers missing
 * (the NBA Cup's games are numbered apart from their dates, so even an import of a season's first
 * weeks shows holes). What it cannot tell is a season cut off after its last game number, which a
 * history never needs: the games of the date being computed are then missing too.
 */
public final class SeasonCompleteness
{
    private static final int RUNS_SHOWN = 6;
    private static final String REGULAR_SEASON = "002";
    private static final String PLAYOFFS = "004";

    private SeasonCompleteness() {}

    /** What is missing of season {@code seasonYear}, judged from its {@code games} (every game of the season the table holds); empty when whole. */
    public static Optional<String> missing(long seasonYear, List<ScheduledGame> games)
    {
        if (games.isEmpty()) {
            return Optional.of(RawTables.SCHEDULE + " has no game of the " + season(seasonYear) + " season (" + Schedule.seasonDates(seasonYear) + ")");
        }
        SortedSet<Integer> regular = new TreeSet<>();
        Map<String, SortedSet<Integer>> series = new TreeMap<>();
        for (ScheduledGame game : games) {
            String id = game.nbaGameId();
            if (!id.matches("\\d{10}")) {
                continue;
            }
            if (id.startsWith(REGULAR_SEASON)) {
                regular.add(Integer.parseInt(id.substring(5)));
            }
            else if (id.startsWith(PLAYOFFS)) {
                series.computeIfAbsent(id.substring(0, 9), key -> new TreeSet<>()).add(id.charAt(9) - '0');
            }
        }
        List<String> holes = new ArrayList<>();
        String prefix = REGULAR_SEASON + String.format("%02d", seasonYear % 100);
        List<String> regularHoles = runs(regular, number -> prefix + String.format("%05d", number));
        int regularMissing = regular.isEmpty() ? 0 : regular.last() - regular.size();
        if (regular.isEmpty()) {
            holes.add("no regular-season game");
        }
        else if (regularMissing > 0) {
            holes.add(regularMissing + " of the regular-season games numbered 1 to " + regular.last() + " (" + describe(regularHoles) + ")");
        }
        series.forEach((seriesId, numbers) -> {
            List<String> missingGames = runs(numbers, number -> seriesId + number);
            if (!missingGames.isEmpty()) {
                holes.add("game" + (numbers.last() - numbers.size() > 1 ? "s " : " ") + describe(missingGames) + " of playoff series " + seriesId + "x");
            }
        });
        if (holes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RawTables.SCHEDULE + " does not hold the " + season(seasonYear) + " season whole: it lacks " + String.join("; ", holes));
    }

    /** {@code 2024-25} for 2024. */
    public static String season(long seasonYear)
    {
        return seasonYear + "-" + String.format("%02d", (seasonYear + 1) % 100);
    }

    /** The runs of numbers from 1 to the highest that {@code present} lacks, named by {@code id}. */
    private static List<String> runs(SortedSet<Integer> present, java.util.function.IntFunction<String> id)
    {
        List<String> runs = new ArrayList<>();
        if (present.isEmpty()) {
            return runs;
        }
        int start = -1;
        for (int number = 1; number <= present.last() + 1; number++) {
            boolean missing = number <= present.last() && !present.contains(number);
            if (missing && start < 0) {
                start = number;
            }
            else if (!missing && start >= 0) {
                runs.add(start == number - 1 ? id.apply(start) : id.apply(start) + ".." + id.apply(number - 1));
                start = -1;
            }
        }
        return runs;
    }

    private static String describe(List<String> runs)
    {
        String shown = runs.stream().limit(RUNS_SHOWN).collect(Collectors.joining(", "));
        return runs.size() > RUNS_SHOWN ? shown + ", and " + (runs.size() - RUNS_SHOWN) + " more runs" : shown;
    }
}
