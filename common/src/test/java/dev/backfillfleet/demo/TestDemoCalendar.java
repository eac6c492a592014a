package dev.backfillfleet.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.backfillfleet.demo.SeasonType.PLAYOFFS;
import static dev.backfillfleet.demo.SeasonType.PLAY_IN;
import static dev.backfillfleet.demo.SeasonType.REGULAR;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

class TestDemoCalendar
{
    private static final List<String> TEAM_CODES = List.of(
            "ATL", "BOS", "BKN", "CHA", "CHI", "CLE", "DAL", "DEN", "DET", "GSW", "HOU", "IND", "LAC", "LAL", "MEM",
            "MIA", "MIL", "MIN", "NOP", "NYK", "OKC", "ORL", "PHI", "PHX", "POR", "SAC", "SAS", "TOR", "UTA", "WAS");

    private final DemoLeague league = SharedDemoLeague.league();

    @Test
    void hasTheThirtyTeamsAndFiveSeasons()
    {
        assertThat(league.teams()).extracting(DemoTeam::code).containsExactlyInAnyOrderElementsOf(TEAM_CODES);
        assertThat(league.seasons()).extracting(DemoSeason::seasonYear).containsExactly(2021, 2022, 2023, 2024, 2025);
    }

    @Test
    void regularSeasonsStartAndEndOnTheRealDates()
    {
        Map<Integer, List<LocalDate>> expected = Map.of(
                2021, List.of(LocalDate.of(2021, 10, 19), LocalDate.of(2022, 4, 10)),
                2022, List.of(LocalDate.of(2022, 10, 18), LocalDate.of(2023, 4, 9)),
                2023, List.of(LocalDate.of(2023, 10, 24), LocalDate.of(2024, 4, 14)),
                2024, List.of(LocalDate.of(2024, 10, 22), LocalDate.of(2025, 4, 13)),
                2025, List.of(LocalDate.of(2025, 10, 21), LocalDate.of(2026, 4, 12)));
        for (DemoSeason season : league.seasons()) {
            List<LocalDate> dates = regularSeason(season).stream().map(DemoGame::gameDate).sorted().toList();
            assertThat(List.of(dates.get(0), dates.get(dates.size() - 1))).isEqualTo(expected.get(season.seasonYear()));
            assertThat(season.firstGameDate()).isEqualTo(expected.get(season.seasonYear()).get(0));
        }
    }

    @Test
    void noGamesOnThanksgivingChristmasEveOrDuringTheAllStarBreak()
    {
        for (DemoSeason season : league.seasons()) {
            SeasonCalendar calendar = season.calendar();
            Set<LocalDate> gameDates = season.schedule().stream().map(DemoGame::gameDate).collect(Collectors.toSet());
            assertThat(calendar.thanksgiving().getDayOfWeek().name()).isEqualTo("THURSDAY");
            assertThat(gameDates).doesNotContain(calendar.thanksgiving(), calendar.christmasEve());
            assertThat(gameDates).doesNotContainAnyElementsOf(calendar.allStarBreak().dates());
            assertThat(calendar.allStarBreak().size()).isEqualTo(6);
            // games right before and after the break
            assertThat(gameDates).contains(calendar.allStarBreak().first().minusDays(1), calendar.allStarBreak().last().plusDays(1));
        }
        assertThat(league.season(2024).calendar().thanksgiving()).isEqualTo(LocalDate.of(2024, 11, 28));
        assertThat(league.season(2024).calendar().allStarBreak().dates()).contains(LocalDate.of(2025, 2, 16));
    }

    @Test
    void christmasHasAboutFiveGames()
    {
        for (DemoSeason season : league.seasons()) {
            long christmasGames = season.schedule().stream().filter(game -> game.gameDate().equals(season.calendar().christmas())).count();
            assertThat(christmasGames).isBetween(4L, 6L);
        }
    }

    @Test
    void everyTeamPlays82RegularSeasonGames41AtHome()
    {
        for (DemoSeason season : league.seasons()) {
            List<DemoGame> games = regularSeason(season);
            assertThat(games).hasSize(1230);
            Map<String, Long> home = games.stream().collect(groupingBy(DemoGame::homeTeam, counting()));
            Map<String, Long> away = games.stream().collect(groupingBy(DemoGame::awayTeam, counting()));
            for (String team : TEAM_CODES) {
                assertThat(home.get(team)).as("%s home games in %s", team, season.seasonYear()).isEqualTo(41L);
                assertThat(away.get(team)).as("%s away games in %s", team, season.seasonYear()).isEqualTo(41L);
            }
        }
    }

    @Test
    void noTeamPlaysTwiceADayOrThreeDaysInARow()
    {
        for (DemoSeason season : league.seasons()) {
            Map<String, List<LocalDate>> datesByTeam = new HashMap<>();
            for (DemoGame game : season.schedule()) {
                datesByTeam.computeIfAbsent(game.homeTeam(), team -> new ArrayList<>()).add(game.gameDate());
                datesByTeam.computeIfAbsent(game.awayTeam(), team -> new ArrayList<>()).add(game.gameDate());
            }
            datesByTeam.forEach((team, dates) -> {
                Set<LocalDate> distinct = new HashSet<>(dates);
                assertThat(distinct).as("%s plays at most once a day", team).hasSameSizeAs(dates);
                for (LocalDate date : distinct) {
                    boolean threeInThree = distinct.contains(date.plusDays(1)) && distinct.contains(date.plusDays(2));
                    assertThat(threeInThree).as("%s plays %s and the next two days", team, date).isFalse();
                }
            });
        }
    }

    @Test
    void gameDaysHaveAtMostFifteenGamesAndTheSeasonIsSpreadOut()
    {
        for (DemoSeason season : league.seasons()) {
            Map<LocalDate, Long> perDay = regularSeason(season).stream().collect(groupingBy(DemoGame::gameDate, TreeMap::new, counting()));
            assertThat(perDay.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 15L));
            assertThat(perDay).hasSizeGreaterThan(150);
            assertThat(perDay.get(season.calendar().regularSeasonStart())).isEqualTo(2L);
        }
    }

    @Test
    void postseasonHasThePlayInThenFourRoundsOfBestOfSeven()
    {
        for (DemoSeason season : league.seasons()) {
            SeasonCalendar calendar = season.calendar();
            List<DemoGame> playIn = season.schedule().stream().filter(game -> game.seasonType() == PLAY_IN).toList();
            assertThat(playIn).hasSize(6);
            assertThat(playIn).extracting(DemoGame::gameDate).allSatisfy(date -> assertThat(date).isBetween(calendar.regularSeasonEnd().plusDays(2), calendar.regularSeasonEnd().plusDays(5)));
            assertThat(playIn).extracting(DemoGame::gameDate).contains(calendar.regularSeasonEnd().plusDays(2));

            List<GameResult> playoffs = season.results().stream().filter(result -> result.game().seasonType() == PLAYOFFS).toList();
            Map<String, List<GameResult>> series = playoffs.stream()
                    .collect(groupingBy(result -> result.game().nbaGameId().substring(0, 9), TreeMap::new, Collectors.toList()));
            assertThat(series).hasSize(15);
            Map<Character, Long> seriesPerRound = series.keySet().stream().collect(groupingBy(id -> id.charAt(7), counting()));
            assertThat(seriesPerRound).containsExactlyInAnyOrderEntriesOf(Map.of('1', 8L, '2', 4L, '3', 2L, '4', 1L));
            series.forEach((id, games) -> {
                assertThat(games).hasSizeBetween(4, 7);
                Map<String, Long> wins = games.stream().collect(groupingBy(GameResult::winner, counting()));
                assertThat(wins.values()).as("series %s", id).contains(4L).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(4L));
                assertThat(games.stream().map(result -> result.game().gameDate()).distinct().count()).isEqualTo(games.size());
                assertThat(games.stream().map(result -> Set.of(result.game().homeTeam(), result.game().awayTeam())).distinct().count()).isEqualTo(1);
            });
            assertThat(playoffs.get(0).game().gameDate()).isAfter(playIn.get(playIn.size() - 1).gameDate());
            LocalDate lastGame = season.lastGameDate();
            assertThat(lastGame).isBetween(LocalDate.of(calendar.seasonYear() + 1, 6, 8), LocalDate.of(calendar.seasonYear() + 1, 6, 30));
        }
    }

    @Test
    void noGamesInTheOffSeasonOrBetweenTheRegularSeasonAndThePlayIn()
    {
        List<DemoSeason> seasons = league.seasons();
        for (int index = 0; index < seasons.size(); index++) {
            DemoSeason season = seasons.get(index);
            LocalDate nextStart = index + 1 < seasons.size() ? seasons.get(index + 1).calendar().regularSeasonStart() : LocalDate.MAX;
            LocalDate end = season.calendar().regularSeasonEnd();
            assertThat(season.schedule()).allSatisfy(game -> {
                assertThat(game.gameDate()).isBetween(season.calendar().regularSeasonStart(), season.lastGameDate());
                assertThat(game.gameDate()).isNotEqualTo(end.plusDays(1));
                assertThat(game.gameDate()).isBefore(nextStart);
                assertThat(game.seasonYear()).isEqualTo(season.seasonYear());
                assertThat(game.gameDate().isAfter(end)).isEqualTo(game.seasonType() != REGULAR);
            });
        }
        assertThat(league.schedule().stream().filter(game -> game.gameDate().getMonthValue() >= 7 && game.gameDate().getMonthValue() <= 9)).isEmpty();
    }

    @Test
    void gameIdsFollowTheNbaForms()
    {
        for (DemoSeason season : league.seasons()) {
            String year = String.format("%02d", season.seasonYear() % 100);
            List<DemoGame> regular = regularSeason(season);
            for (int index = 0; index < regular.size(); index++) {
                assertThat(regular.get(index).nbaGameId()).isEqualTo("002" + year + String.format("%05d", index + 1));
            }
            assertThat(regular).isSortedAccordingTo((first, second) -> first.startTime().compareTo(second.startTime()));
            assertThat(season.schedule()).allSatisfy(game -> {
                assertThat(game.nbaGameId()).matches((game.seasonType() == PLAY_IN ? "005" : game.seasonType() == PLAYOFFS ? "004" : "002") + year + "\\d{5}");
                assertThat(game.gameId()).isEqualTo(game.gameDate().toString().replace("-", "") + "_" + game.awayTeam() + "_" + game.homeTeam());
            });
            assertThat(season.schedule().stream().map(DemoGame::nbaGameId).distinct().count()).isEqualTo(season.schedule().size());
        }
        assertThat(league.season(2024).schedule().get(0).nbaGameId()).isEqualTo("0022400001");
    }

    @Test
    void tipOffsAreRealisticEasternTimesOnTheGameDate()
    {
        Map<LocalTime, Long> times = league.schedule().stream()
                .collect(groupingBy(game -> game.startTime().atZone(TipOffTimes.EASTERN).toLocalTime(), counting()));
        assertThat(times.keySet()).allSatisfy(time -> assertThat(time).isBetween(LocalTime.of(12, 0), LocalTime.of(22, 30)));
        assertThat(times).containsKeys(LocalTime.of(19, 0), LocalTime.of(19, 30), LocalTime.of(22, 0));
        assertThat(league.schedule()).allSatisfy(game -> assertThat(game.startTime().atZone(TipOffTimes.EASTERN).toLocalDate()).isEqualTo(game.gameDate()));
        DemoGame first = league.season(2024).schedule().get(0);
        assertThat(first.startTime().atZone(TipOffTimes.EASTERN).getOffset().getTotalSeconds()).isEqualTo(-4 * 3600);
    }

    private static List<DemoGame> regularSeason(DemoSeason season)
    {
        return season.schedule().stream().filter(game -> game.seasonType() == REGULAR).toList();
    }
}
