package dev.backfillfleet.e2e;

import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.e2e.RealSchedule.Game;
import dev.backfillfleet.embedded.SqliteWarehouse;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.schema.AnalyticsSchemas;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real 2024-25 NBA schedule ({@link RealSchedule}) converted to nbac_schedule, imported into an
 * empty warehouse, upcoming_team_game_context computed for the whole season by the fleet, and
 * checked against rest days, game numbers and results computed directly from the file.
 */
class TestRealScheduleImport
{
    @TempDir
    Path home;
    @TempDir
    Path files;

    @Test
    void upcomingTeamContextAgreesWithTheRealSchedule()
    {
        Path source = RealSchedule.file().orElse(null);
        Assumptions.assumeTrue(source != null, RealSchedule.SKIPPED);
        List<Game> games = RealSchedule.games(source);
        assertThat(games).hasSizeGreaterThan(1300);

        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.demo-data", "false");
        // the README's own conversion, as a reader runs it: the real table's shape, the same rows as this test's conversion
        Path converted = ReadmeScheduleConversion.run(source, files);
        List<String> written = readLines(converted);
        List<String> expected = readLines(RealSchedule.write(files.resolve("expected.csv"), games));
        assertThat(written.get(0)).isEqualTo(RealSchedule.HEADER);
        assertThat(withoutLoadTime(written)).isEqualTo(withoutLoadTime(expected));
        assertThat(Instant.parse(written.get(1).substring(written.get(1).lastIndexOf(',') + 1))).isAfter(Schedule.TIP_OFF_STORED_AS_UTC_UNTIL);
        // the file is the whole season, as the real loader writes it: the context tables find their history complete
        CoordinatorCli.Result imported = cli.run("import", "--table", "nba_raw.nbac_schedule", converted.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        LocalDate first = games.stream().map(Game::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = games.stream().map(Game::date).max(LocalDate::compareTo).orElseThrow();
        String range = first + ".." + last;
        CoordinatorCli.Result run = cli.run("run", "--table", "upcoming_team", "--range", range, "--workers", "4");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(cli.run("verify", "--range", range, "--table", "upcoming_team", "--threshold", "100").exitCode()).isZero();

        Map<String, List<Game>> byTeam = new HashMap<>();
        games.forEach(game -> {
            byTeam.computeIfAbsent(game.home(), team -> new ArrayList<>()).add(game);
            byTeam.computeIfAbsent(game.away(), team -> new ArrayList<>()).add(game);
        });
        List<Row> rows;
        try (SqliteWarehouse warehouse = SqliteWarehouse.open(home.resolve("warehouse.db"), SchemaCatalog.standard())) {
            rows = warehouse.read(AnalyticsSchemas.ref(AnalyticsTable.UPCOMING_TEAM), DateRange.of(first, last));
        }
        assertThat(rows).hasSize(2 * games.size());
        for (Row row : rows) {
            String team = row.getString("team_abbr");
            LocalDate date = row.getDate("game_date");
            List<Game> earlier = byTeam.get(team).stream().filter(game -> game.date().isBefore(date)).sorted((left, right) -> left.date().compareTo(right.date())).toList();
            Game game = byTeam.get(team).stream().filter(each -> each.date().equals(date)).findFirst().orElseThrow();
            String what = team + " " + date;
            // upcoming_team's game_id is the 10-digit id, as in the real table
            assertThat(row.getString("game_id")).as(what).isEqualTo(game.nbaGameId());
            assertThat(row.getTimestamp("start_time_et")).as(what).isEqualTo(game.start().atZone(ZoneId.of("America/New_York")).toInstant());
            assertThat(row.getLong("game_number_in_season")).as(what).isEqualTo(earlier.size() + 1L);
            assertThat(row.getLong("games_in_last_7_days")).as(what)
                    .isEqualTo(earlier.stream().filter(each -> !each.date().isBefore(date.minusDays(7))).count());
            if (earlier.isEmpty()) {
                assertThat(row.getLong("team_days_rest")).as(what).isNull();
                assertThat(row.getBoolean("team_back_to_back")).as(what).isFalse();
                assertThat(row.getString("last_game_result")).as(what).isNull();
                continue;
            }
            Game previous = earlier.get(earlier.size() - 1);
            long rest = ChronoUnit.DAYS.between(previous.date(), date) - 1;
            assertThat(row.getLong("team_days_rest")).as(what).isEqualTo(rest);
            assertThat(row.getBoolean("team_back_to_back")).as(what).isEqualTo(rest == 0);
            assertThat(row.getString("last_game_result")).as(what).isEqualTo(previous.winner().equals(team) ? "W" : "L");
            // no distance table was imported: unknown unless the team stays in the same arena
            assertThat(row.getLong("travel_miles")).as(what).isEqualTo(previous.home().equals(game.home()) ? Long.valueOf(0) : null);
        }
    }

    private static List<String> readLines(Path file)
    {
        try {
            return Files.readAllLines(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines without their last field, processed_at (the conversion's own time). */
    private static List<String> withoutLoadTime(List<String> lines)
    {
        return lines.stream().map(line -> line.substring(0, line.lastIndexOf(','))).toList();
    }
}
