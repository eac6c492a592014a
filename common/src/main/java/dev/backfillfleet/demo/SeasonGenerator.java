package dev.backfillfleet.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Generates one season from its setup: the regular-season schedule, every game, the postseason. */
final class SeasonGenerator
{
    private SeasonGenerator() {}

    static DemoSeason generate(long seed, SeasonSetup setup)
    {
        SeasonCalendar calendar = setup.calendar();
        BoxScoreGenerator boxScores = new BoxScoreGenerator(seed, setup);
        List<GameResult> regularSeason = regularSeasonSchedule(seed, calendar).stream()
                .map(boxScores::play)
                .toList();
        List<GameResult> results = new ArrayList<>(regularSeason);
        results.addAll(PostseasonScheduler.play(seed, calendar, regularSeason, boxScores::play));
        results.sort(Comparator.comparing((GameResult result) -> result.game().startTime()).thenComparing(result -> result.game().nbaGameId()));
        return new DemoSeason(calendar, setup.rosters(), setup.strengths(), setup.spells(), results);
    }

    /** Dates from the scheduler, tip-off times by arena, ids numbered in tip-off order. */
    static List<DemoGame> regularSeasonSchedule(long seed, SeasonCalendar calendar)
    {
        List<DemoTeam> teams = DemoTeam.all();
        Map<LocalDate, List<Matchup>> byDate = new TreeMap<>();
        for (RegularSeasonScheduler.ScheduledMatchup scheduled : RegularSeasonScheduler.schedule(seed, calendar)) {
            byDate.computeIfAbsent(scheduled.date(), date -> new ArrayList<>()).add(scheduled.matchup());
        }
        record Timed(LocalDate date, LocalTime time, Matchup matchup) {}
        List<Timed> timed = new ArrayList<>();
        byDate.forEach((date, matchups) -> {
            List<Matchup> ordered = matchups.stream()
                    .sorted(Comparator.comparingInt((Matchup matchup) -> teams.get(matchup.home()).timeZone().hoursBehindEastern())
                            .thenComparing(matchup -> teams.get(matchup.home()).code()))
                    .toList();
            for (int index = 0; index < ordered.size(); index++) {
                Matchup matchup = ordered.get(index);
                SplittableRandom random = Seeds.random(seed, Purpose.TIP_OFF, date.toEpochDay(), matchup.home());
                LocalTime time = date.equals(calendar.christmas())
                        ? TipOffTimes.christmas(index)
                        : TipOffTimes.regularSeason(date, teams.get(matchup.home()), random);
                timed.add(new Timed(date, time, matchup));
            }
        });
        timed.sort(Comparator.comparing(Timed::date).thenComparing(Timed::time).thenComparing(game -> teams.get(game.matchup().home()).code()));
        String prefix = SeasonType.REGULAR.gameIdPrefix() + String.format("%02d", calendar.seasonYear() % 100);
        List<DemoGame> games = new ArrayList<>();
        for (int index = 0; index < timed.size(); index++) {
            Timed game = timed.get(index);
            games.add(new DemoGame(
                    prefix + String.format("%05d", index + 1),
                    game.date(),
                    calendar.seasonYear(),
                    SeasonType.REGULAR,
                    TipOffTimes.instant(game.date(), game.time()),
                    teams.get(game.matchup().home()).code(),
                    teams.get(game.matchup().away()).code()));
        }
        return games;
    }
}
