package dev.backfillfleet.schedule;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The real schedule's rows read as games: the pick rule, the season type flags, the old tip-off form and moved games. */
class TestSchedule
{
    private static final LocalDate DAY = LocalDate.parse("2026-01-08");
    private static final Instant RECENT = Instant.parse("2026-01-20T10:00:00Z");

    @TempDir
    Path directory;
    private SqliteWarehouse warehouse;
    private final List<Row> rows = new ArrayList<>();

    @BeforeEach
    void setUp()
    {
        warehouse = SqliteWarehouse.open(directory.resolve("warehouse.db"), SchemaCatalog.standard());
    }

    @AfterEach
    void tearDown()
    {
        warehouse.close();
    }

    @Test
    void perGameAndDateTheHighestStatusWinsThenTheLatestLoad()
    {
        // scheduled the day before, then final: appended twice; a later load corrected the score
        add(row("0022500529", DAY, "BOS", "NYK", 1, null, null, Instant.parse("2026-01-07T15:00:00Z")));
        add(row("0022500529", DAY, "BOS", "NYK", 3, 110L, 100L, Instant.parse("2026-01-09T08:00:00Z")));
        add(row("0022500529", DAY, "BOS", "NYK", 3, 111L, 100L, Instant.parse("2026-01-10T08:00:00Z")));
        // in progress at the last load: the only row, so the game is not final
        add(row("0022500530", DAY, "LAL", "GSW", 2, null, null, RECENT));
        write();

        List<ScheduledGame> games = Schedule.gamesOn(warehouse, DAY);
        assertThat(games).extracting(ScheduledGame::nbaGameId).containsExactly("0022500529", "0022500530");
        assertThat(games.get(0).isFinal()).isTrue();
        assertThat(games.get(0).awayScore()).isEqualTo(111L);
        assertThat(games.get(1).gameStatus()).isEqualTo(2L);
    }

    @Test
    void theSeasonTypeComesFromTheFlagsAndAllStarOrPreseasonGamesAreNotOurs()
    {
        LocalDate april = LocalDate.parse("2026-04-15");
        add(row("0022501230", april, "BOS", "NYK", 3, 100L, 90L, RECENT));
        add(flags(row("0052500101", april, "ATL", "ORL", 3, 100L, 90L, RECENT), false, true, false, "play_in"));
        add(flags(row("0042500101", april, "MIA", "CLE", 3, 100L, 90L, RECENT), false, true, false, "first_round"));
        add(flags(row("0032500001", april, "EST", "WST", 3, 180L, 170L, RECENT), true, false, true, null));
        add(flags(row("0012500001", april, "DEN", "UTA", 3, 100L, 90L, RECENT), false, false, false, null));
        write();

        assertThat(Schedule.gamesOn(warehouse, april)).extracting(ScheduledGame::nbaGameId, ScheduledGame::seasonType)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("0022501230", "regular"),
                        org.assertj.core.groups.Tuple.tuple("0052500101", "play_in"),
                        org.assertj.core.groups.Tuple.tuple("0042500101", "playoffs"));
    }

    @Test
    void aTipOffWrittenBefore24December2025IsTheEasternWallClockStoredAsUtc()
    {
        LocalDate old = LocalDate.parse("2024-11-01");
        // 19:30 in New York, written in 2024 as 19:30 UTC; the same game rewritten in 2026 holds the true instant
        add(row("0022400101", old, "BOS", "NYK", 3, 110L, 100L, Instant.parse("2024-11-02T08:00:00Z"), Instant.parse("2024-11-01T19:30:00Z")));
        add(row("0022400102", old, "LAL", "GSW", 3, 110L, 100L, RECENT, Instant.parse("2024-11-02T02:30:00Z")));
        add(row("0022400103", old, "MIA", "CHI", 3, 110L, 100L, RECENT, null));
        write();

        Map<String, Instant> starts = new TreeMap<>();
        Schedule.gamesOn(warehouse, old).forEach(game -> starts.put(game.nbaGameId(), game.startTimeEt()));
        assertThat(starts.get("0022400101")).isEqualTo(Instant.parse("2024-11-01T23:30:00Z"));
        assertThat(starts.get("0022400102")).isEqualTo(Instant.parse("2024-11-02T02:30:00Z"));
        assertThat(starts).containsEntry("0022400103", null);
        ScheduledGame unknown = Schedule.gamesOn(warehouse, old).stream().filter(game -> game.startTimeEt() == null).findFirst().orElseThrow();
        assertThat(unknown.preGameCutoff()).as("without a tip-off nothing of the game day counts").isEqualTo(Instant.parse("2024-11-01T04:00:00Z"));
    }

    @Test
    void theRowOfAMovedGameOnItsOldDateIsNotAGame()
    {
        LocalDate later = LocalDate.parse("2026-01-29");
        // NBA.com reused the id: scheduled on the old date, played on the new one
        add(row("0022500600", DAY, "BOS", "NYK", 1, null, null, Instant.parse("2026-01-05T10:00:00Z")));
        add(row("0022500600", later, "BOS", "NYK", 3, 120L, 101L, RECENT));
        // final without scores on the old date, moved to a date not played yet
        add(row("0022500601", DAY, "LAL", "GSW", 3, null, null, Instant.parse("2026-01-09T10:00:00Z")));
        add(row("0022500601", later.plusDays(20), "LAL", "GSW", 1, null, null, RECENT));
        // tonight's game, not played yet and never moved: a game
        add(row("0022500602", DAY, "MIA", "CHI", 1, null, null, RECENT));
        write();

        assertThat(Schedule.gamesOn(warehouse, DAY)).extracting(ScheduledGame::nbaGameId).containsExactly("0022500602");
        assertThat(Schedule.gamesIn(warehouse, DateRange.of(DAY, later.plusDays(30))))
                .extracting(game -> game.nbaGameId() + " " + game.gameDate())
                .containsExactly("0022500602 2026-01-08", "0022500600 2026-01-29", "0022500601 2026-02-18");
    }

    private static Row row(String gameId, LocalDate date, String away, String home, long status, Long awayScore, Long homeScore, Instant processedAt)
    {
        return row(gameId, date, away, home, status, awayScore, homeScore, processedAt, date.atTime(19, 30).atZone(java.time.ZoneId.of("America/New_York")).toInstant());
    }

    private static Row row(String gameId, LocalDate date, String away, String home, long status, Long awayScore, Long homeScore, Instant processedAt,
            Instant gameDateEst)
    {
        long seasonYear = date.getMonthValue() >= 10 ? date.getYear() : date.getYear() - 1;
        return Row.builder().set("game_id", gameId).set("game_date", date).set("season_year", seasonYear).set("game_date_est", gameDateEst)
                .set("game_status", status).set("home_team_tricode", home).set("away_team_tricode", away).set("home_team_score", homeScore)
                .set("away_team_score", awayScore).set("is_regular_season", true).set("is_playoffs", false).set("is_all_star", false)
                .set("playoff_round", null).set("processed_at", processedAt).build();
    }

    private static Row flags(Row row, boolean regular, boolean playoffs, boolean allStar, String round)
    {
        return row.with("is_regular_season", regular).with("is_playoffs", playoffs).with("is_all_star", allStar).with("playoff_round", round);
    }

    private void add(Row row)
    {
        rows.add(row);
    }

    private void write()
    {
        Map<LocalDate, List<Row>> partitions = new TreeMap<>();
        rows.forEach(row -> partitions.computeIfAbsent(row.getDate("game_date"), date -> new ArrayList<>()).add(row));
        warehouse.replacePartitions(RawTables.SCHEDULE, partitions);
    }
}
