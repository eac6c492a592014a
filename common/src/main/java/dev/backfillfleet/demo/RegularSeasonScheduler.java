package dev.backfillfleet.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Puts a season's 1,230 matchups on calendar days, one day at a time: each day gets a number of
 * games that follows the weekday pattern (two on opening night, five on Christmas, at most 15,
 * whatever is left on the last day), filled with the games whose preferred date (spread evenly
 * per pair of teams) is most due. A team plays at most once a day and never three days in a row;
 * teams running out of days (remaining games close to what they can still fit in) go first. If a
 * team cannot finish its 82 games, or the last day has no game, the attempt is discarded and the
 * next deterministic attempt is made.
 */
final class RegularSeasonScheduler
{
    static final int MAX_GAMES_PER_DAY = 15;
    private static final int MAX_ATTEMPTS = 100;
    private static final int OPENING_NIGHT_GAMES = 2;
    private static final int CHRISTMAS_GAMES = 5;
    /** Days of "preferred date" a back-to-back costs a candidate game. */
    private static final double BACK_TO_BACK_PENALTY = 14;

    private final SeasonCalendar calendar;
    private final List<Matchup> matchups;
    private final int teamCount = DemoTeam.all().size();
    private final int dayCount;
    private final boolean[] gameDay;
    private final double[] dayWeight;

    private RegularSeasonScheduler(SeasonCalendar calendar, List<Matchup> matchups)
    {
        this.calendar = calendar;
        this.matchups = matchups;
        this.dayCount = calendar.regularSeasonRange().size();
        this.gameDay = new boolean[dayCount];
        this.dayWeight = new double[dayCount];
        for (int day = 0; day < dayCount; day++) {
            LocalDate date = date(day);
            gameDay[day] = calendar.isRegularSeasonGameDay(date);
            dayWeight[day] = gameDay[day] ? weekdayWeight(date.getDayOfWeek()) : 0;
        }
    }

    /** The dates of the matchups of {@link MatchupPlanner#plan}, in the same order. */
    static List<ScheduledMatchup> schedule(long seed, SeasonCalendar calendar)
    {
        RegularSeasonScheduler scheduler = new RegularSeasonScheduler(calendar, MatchupPlanner.plan(calendar.seasonYear()));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<List<ScheduledMatchup>> games = scheduler.attempt(Seeds.random(seed, Purpose.SCHEDULE, calendar.seasonYear(), attempt));
            if (games.isPresent()) {
                return games.get();
            }
        }
        throw new IllegalStateException("no schedule found for season " + calendar.seasonYear());
    }

    private static double weekdayWeight(DayOfWeek day)
    {
        return switch (day) {
            case MONDAY -> 0.95;
            case TUESDAY -> 0.85;
            case WEDNESDAY -> 1.35;
            case THURSDAY -> 0.55;
            case FRIDAY -> 1.30;
            case SATURDAY -> 1.00;
            case SUNDAY -> 0.80;
        };
    }

    private LocalDate date(int day)
    {
        return calendar.regularSeasonStart().plusDays(day);
    }

    private Optional<List<ScheduledMatchup>> attempt(SplittableRandom random)
    {
        int gameCount = matchups.size();
        int[] preferred = preferredDays(random);
        int[] scheduledDay = new int[gameCount];
        Arrays.fill(scheduledDay, -1);
        boolean[][] played = new boolean[teamCount][dayCount];
        int[] remaining = new int[teamCount];
        int[][] lastMeeting = new int[teamCount][teamCount];
        for (int[] row : lastMeeting) {
            Arrays.fill(row, -100);
        }
        for (Matchup matchup : matchups) {
            remaining[matchup.home()]++;
            remaining[matchup.away()]++;
        }
        int unscheduled = gameCount;
        double weightLeft = 0;
        for (double weight : dayWeight) {
            weightLeft += weight;
        }
        int[] slack = new int[teamCount];
        for (int day = 0; day < dayCount && unscheduled > 0; day++) {
            if (!gameDay[day]) {
                continue;
            }
            int target = dailyTarget(day, unscheduled, weightLeft, random);
            weightLeft -= dayWeight[day];
            for (int team = 0; team < teamCount; team++) {
                slack[team] = maxPlayable(played[team], day) - remaining[team];
                if (slack[team] < 0) {
                    return Optional.empty();
                }
            }
            List<Candidate> candidates = new ArrayList<>();
            for (int game = 0; game < gameCount; game++) {
                Matchup matchup = matchups.get(game);
                if (scheduledDay[game] < 0 && canPlay(played[matchup.home()], day) && canPlay(played[matchup.away()], day)) {
                    double key = preferred[game] - day
                            + BACK_TO_BACK_PENALTY * (playedOn(played[matchup.home()], day - 1) + playedOn(played[matchup.away()], day - 1))
                            + (day - lastMeeting[matchup.home()][matchup.away()] < 5 ? 15 : 0)
                            + 3 * random.nextDouble()
                            - urgency(slack[matchup.home()]) - urgency(slack[matchup.away()]);
                    candidates.add(new Candidate(game, key));
                }
            }
            candidates.sort(Comparator.comparingDouble(Candidate::key));
            int scheduledToday = 0;
            for (Candidate candidate : candidates) {
                Matchup matchup = matchups.get(candidate.game());
                int home = matchup.home();
                int away = matchup.away();
                boolean urgent = slack[home] <= 0 || slack[away] <= 0;
                if (played[home][day] || played[away][day] || scheduledToday >= MAX_GAMES_PER_DAY || (scheduledToday >= target && !urgent)) {
                    continue;
                }
                played[home][day] = true;
                played[away][day] = true;
                remaining[home]--;
                remaining[away]--;
                lastMeeting[home][away] = day;
                lastMeeting[away][home] = day;
                scheduledDay[candidate.game()] = day;
                scheduledToday++;
                unscheduled--;
            }
        }
        if (unscheduled > 0 || !played(played, dayCount - 1)) {
            return Optional.empty();
        }
        List<ScheduledMatchup> result = new ArrayList<>();
        for (int game = 0; game < gameCount; game++) {
            result.add(new ScheduledMatchup(matchups.get(game), date(scheduledDay[game])));
        }
        return Optional.of(result);
    }

    /** Spreads the games of each pair of teams evenly over the season, with jitter. */
    private int[] preferredDays(SplittableRandom random)
    {
        int[] preferred = new int[matchups.size()];
        int[][] pairGames = new int[teamCount][teamCount];
        for (Matchup matchup : matchups) {
            pairGames[Math.min(matchup.home(), matchup.away())][Math.max(matchup.home(), matchup.away())]++;
        }
        int[][] pairSeen = new int[teamCount][teamCount];
        List<Integer> order = new ArrayList<>();
        for (int game = 0; game < matchups.size(); game++) {
            order.add(game);
        }
        Draws.shuffle(random, order);
        for (int game : order) {
            Matchup matchup = matchups.get(game);
            int low = Math.min(matchup.home(), matchup.away());
            int high = Math.max(matchup.home(), matchup.away());
            int games = pairGames[low][high];
            int index = pairSeen[low][high]++;
            preferred[game] = (int) ((index + 0.1 + 0.8 * random.nextDouble()) / games * (dayCount - 1));
        }
        return preferred;
    }

    private int dailyTarget(int day, int unscheduled, double weightLeft, SplittableRandom random)
    {
        if (day == 0) {
            return OPENING_NIGHT_GAMES;
        }
        if (date(day).equals(calendar.christmas())) {
            return CHRISTMAS_GAMES;
        }
        if (day == dayCount - 1) {
            return MAX_GAMES_PER_DAY;
        }
        double expected = unscheduled * dayWeight[day] / weightLeft * Draws.uniform(random, 0.75, 1.25);
        int target = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
        return Math.min(MAX_GAMES_PER_DAY, target);
    }

    /** The most games a team could still play from {@code day} on, never three days in a row. */
    private int maxPlayable(boolean[] played, int day)
    {
        boolean previous = day >= 1 && played[day - 1];
        boolean beforePrevious = day >= 2 && played[day - 2];
        int count = 0;
        for (int next = day; next < dayCount; next++) {
            boolean play = gameDay[next] && !(previous && beforePrevious);
            if (play) {
                count++;
            }
            beforePrevious = previous;
            previous = play;
        }
        return count;
    }

    private boolean played(boolean[][] played, int day)
    {
        for (boolean[] team : played) {
            if (team[day]) {
                return true;
            }
        }
        return false;
    }

    private static boolean canPlay(boolean[] played, int day)
    {
        return !(day >= 2 && played[day - 1] && played[day - 2]);
    }

    private static int playedOn(boolean[] played, int day)
    {
        return day >= 0 && played[day] ? 1 : 0;
    }

    private static double urgency(int slack)
    {
        return slack <= 4 ? (5 - slack) * 25 : 0;
    }

    private record Candidate(int game, double key) {}

    /** A matchup on its date. */
    record ScheduledMatchup(Matchup matchup, LocalDate date) {}
}
