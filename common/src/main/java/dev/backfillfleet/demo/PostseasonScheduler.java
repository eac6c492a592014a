package dev.backfillfleet.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.backfillfleet.demo.DemoTeam.Conference.EAST;
import static dev.backfillfleet.demo.DemoTeam.Conference.WEST;

/**
 * The play-in (seeds 7-10 of each conference, three games each over four days) and the
 * playoffs: four rounds of best-of-seven series in the 2-2-1-1-1 format, games every second or
 * third day, at most four games a day, a round's series starting two days after its feeders end,
 * and the Finals from the first Thursday of June. Series are decided by actually playing the
 * games. Game ids follow the NBA: {@code 005YY001P1} and {@code 005YY002C1} for the play-in
 * (P = pairing, C = conference), {@code 004YY00RSG} for the playoffs (round, series, game).
 */
final class PostseasonScheduler
{
    private static final int MAX_GAMES_PER_DAY = 4;
    private static final int[] FINALS_GAPS = {3, 3, 2, 3, 3, 3};
    private static final LocalTime PROVISIONAL_TIP_OFF = LocalTime.of(20, 0);
    private static final List<DemoTeam.Conference> CONFERENCES = List.of(EAST, WEST);

    private final SeasonCalendar calendar;
    private final Function<DemoGame, GameResult> play;
    private final SplittableRandom random;
    private final String seasonDigits;
    private final Map<String, Integer> seedOf = new HashMap<>();
    private final List<GameResult> results = new ArrayList<>();
    private Standings standings;

    private PostseasonScheduler(long seed, SeasonCalendar calendar, Function<DemoGame, GameResult> play)
    {
        this.calendar = calendar;
        this.play = play;
        this.random = Seeds.random(seed, Purpose.SCHEDULE, calendar.seasonYear(), -1);
        this.seasonDigits = String.format("%02d", calendar.seasonYear() % 100);
    }

    static List<GameResult> play(long seed, SeasonCalendar calendar, List<GameResult> regularSeason, Function<DemoGame, GameResult> play)
    {
        PostseasonScheduler scheduler = new PostseasonScheduler(seed, calendar, play);
        scheduler.standings = new Standings(regularSeason);
        Map<DemoTeam.Conference, List<String>> seeds = scheduler.playIn();
        scheduler.playoffs(seeds);
        return scheduler.withTipOffTimes();
    }

    /** Returns the eight playoff teams of each conference in seed order. */
    private Map<DemoTeam.Conference, List<String>> playIn()
    {
        Map<DemoTeam.Conference, List<String>> seeds = new HashMap<>();
        LocalDate first = calendar.playInStart();
        for (int conference = 0; conference < CONFERENCES.size(); conference++) {
            List<String> ranked = standings.ranked(CONFERENCES.get(conference));
            GameResult sevenEight = game(SeasonType.PLAY_IN, "001" + (2 * conference) + "1", first, ranked.get(6), ranked.get(7));
            GameResult nineTen = game(SeasonType.PLAY_IN, "001" + (2 * conference + 1) + "1", first.plusDays(1), ranked.get(8), ranked.get(9));
            GameResult last = game(SeasonType.PLAY_IN, "002" + conference + "1", first.plusDays(3), sevenEight.loser(), nineTen.winner());
            List<String> playoffTeams = new ArrayList<>(ranked.subList(0, 6));
            playoffTeams.add(sevenEight.winner());
            playoffTeams.add(last.winner());
            for (int seed = 0; seed < playoffTeams.size(); seed++) {
                seedOf.put(playoffTeams.get(seed), seed + 1);
            }
            seeds.put(CONFERENCES.get(conference), playoffTeams);
        }
        return seeds;
    }

    private void playoffs(Map<DemoTeam.Conference, List<String>> seeds)
    {
        List<PlayoffSeries> open = new ArrayList<>();
        Map<String, String> winners = new HashMap<>();
        LocalDate start = calendar.playoffsStart();
        int[][] firstRound = {{1, 8}, {4, 5}, {3, 6}, {2, 7}};
        for (int conference = 0; conference < CONFERENCES.size(); conference++) {
            List<String> teams = seeds.get(CONFERENCES.get(conference));
            for (int slot = 0; slot < firstRound.length; slot++) {
                // the 1-8 and 2-7 series start a day later: seeds 7 and 8 may come from the last play-in day
                boolean waitsForPlayIn = firstRound[slot][1] >= 7;
                open.add(new PlayoffSeries(1, conference, slot, teams.get(firstRound[slot][0] - 1), teams.get(firstRound[slot][1] - 1),
                        start.plusDays(waitsForPlayIn ? 1 : 0)));
            }
        }
        List<PlayoffSeries> conferenceFinals = new ArrayList<>();
        for (LocalDate day = start; !open.isEmpty(); day = day.plusDays(1)) {
            LocalDate today = day;
            List<PlayoffSeries> ready = open.stream()
                    .filter(series -> !series.next().isAfter(today))
                    .sorted(Comparator.comparing(PlayoffSeries::next).thenComparingInt(PlayoffSeries::globalIndex))
                    .limit(MAX_GAMES_PER_DAY)
                    .toList();
            for (PlayoffSeries series : ready) {
                playGame(series, today);
                if (series.isOver()) {
                    open.remove(series);
                    if (series.round() == 3) {
                        conferenceFinals.add(series);
                        continue;
                    }
                    winners.put(series.round() + "/" + series.conference() + "/" + series.slot(), series.winner());
                    String sibling = winners.get(series.round() + "/" + series.conference() + "/" + (series.slot() ^ 1));
                    if (sibling != null) {
                        String mine = series.winner();
                        boolean mineFirst = seedOf.get(mine) < seedOf.get(sibling);
                        open.add(new PlayoffSeries(series.round() + 1, series.conference(), series.slot() / 2,
                                mineFirst ? mine : sibling, mineFirst ? sibling : mine, today.plusDays(2)));
                    }
                }
            }
        }
        finals(conferenceFinals);
    }

    private void finals(List<PlayoffSeries> conferenceFinals)
    {
        LocalDate lastConferenceGame = conferenceFinals.stream().map(PlayoffSeries::last).max(Comparator.naturalOrder()).orElseThrow();
        LocalDate start = lastConferenceGame.plusDays(3).isAfter(calendar.earliestFinalsStart())
                ? lastConferenceGame.plusDays(3)
                : calendar.earliestFinalsStart();
        String east = conferenceFinals.stream().filter(series -> series.conference() == 0).findFirst().orElseThrow().winner();
        String west = conferenceFinals.stream().filter(series -> series.conference() == 1).findFirst().orElseThrow().winner();
        boolean eastFirst = standings.order().compare(east, west) < 0;
        PlayoffSeries finals = new PlayoffSeries(4, 0, 0, eastFirst ? east : west, eastFirst ? west : east, start);
        LocalDate day = start;
        for (int game = 0; !finals.isOver(); game++) {
            playGame(finals, day);
            day = day.plusDays(FINALS_GAPS[Math.min(game, FINALS_GAPS.length - 1)]);
        }
    }

    private void playGame(PlayoffSeries series, LocalDate day)
    {
        int gameNumber = series.played() + 1;
        boolean higherHosts = gameNumber == 1 || gameNumber == 2 || gameNumber == 5 || gameNumber == 7;
        String suffix = "00" + series.round() + series.globalIndex() + gameNumber;
        GameResult result = game(SeasonType.PLAYOFFS, suffix, day,
                higherHosts ? series.higher() : series.lower(),
                higherHosts ? series.lower() : series.higher());
        series.record(result.winner(), day);
        int gap = gameNumber == 2 || Draws.chance(random, 0.2) ? 2 + random.nextInt(2) : 2;
        series.nextGameOn(day.plusDays(gap));
    }

    private GameResult game(SeasonType type, String suffix, LocalDate date, String home, String away)
    {
        String nbaGameId = type.gameIdPrefix() + seasonDigits + suffix;
        DemoGame game = new DemoGame(nbaGameId, date, calendar.seasonYear(), type, TipOffTimes.instant(date, PROVISIONAL_TIP_OFF), home, away);
        GameResult result = play.apply(game);
        results.add(result);
        return result;
    }

    /** Staggers each day's games, eastern arenas first. */
    private List<GameResult> withTipOffTimes()
    {
        Map<LocalDate, List<GameResult>> byDate = new TreeMap<>();
        for (GameResult result : results) {
            byDate.computeIfAbsent(result.game().gameDate(), date -> new ArrayList<>()).add(result);
        }
        List<GameResult> timed = new ArrayList<>();
        byDate.forEach((date, games) -> {
            List<GameResult> ordered = games.stream()
                    .sorted(Comparator.comparingInt((GameResult result) -> DemoTeam.byCode(result.game().homeTeam()).timeZone().hoursBehindEastern())
                            .thenComparing(result -> result.game().nbaGameId()))
                    .toList();
            List<LocalTime> slots = TipOffTimes.postseason(date, ordered.size());
            for (int index = 0; index < ordered.size(); index++) {
                GameResult result = ordered.get(index);
                timed.add(result.withGame(result.game().withStartTime(TipOffTimes.instant(date, slots.get(index)))));
            }
        });
        return timed;
    }
}
