package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.catalog.BuiltInTables;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.worker.WorkerMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A re-run of an upstream date with its dependents, after the five tables were backfilled: the
 * dependents, and nothing else, run again, each after what it depends on, in a real worker process
 * by the usual gating; no date is left STALE.
 */
class TestDownstreamReruns
{
    private static final ObjectMapper JSON = new ObjectMapper();
    // two months of the 2024-25 season (the upstream tables also get the 30 days before)
    private static final DateRange SEASON_PART = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-12-31"));
    private static final LocalDate DAY = LocalDate.parse("2024-11-20");

    @TempDir
    Path home;

    @Test
    void forcingTeamOffenseWithItsDownstreamReRunsPlayerSummaryAndTheNextMonthOfUpcomingPlayerAfterIt()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home);
        long start = System.nanoTime();
        CoordinatorCli.Result season = cli.run("run", "--table", "all", "--range", SEASON_PART.toString(), "--workers", "4");
        assertThat(season.exitCode()).as(season.out() + season.err()).isZero();
        Map<DateKey, DateRecord> before = records();
        long reRunStart = System.nanoTime();
        assertThat(staleCounts(cli)).as("a backfill in dependency order leaves nothing stale").containsOnly(0L);

        CoordinatorCli.Result enqueue = cli.run("enqueue", "--force", "--downstream", "--table", "team_offense", "--dates", DAY.toString());
        assertThat(enqueue.exitCode()).as(enqueue.err()).isZero();
        assertThat(enqueue.out()).contains("Including 31 downstream dates, which run after the dates they depend on: player_summary: 2024-11-20; "
                + "upcoming_player: 2024-11-21..2024-12-20");
        Process worker = JavaProcesses.start(WorkerMain.class, Map.of("BACKFILL_HOME", home.toString()), home.resolve("worker.log"),
                "--concurrency", "4", "--until-idle", "--idle-seconds", "2");
        assertThat(worker.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(worker.exitValue()).as(Files.readString(home.resolve("worker.log"))).isZero();

        Map<DateKey, DateRecord> after = records();
        System.out.printf("downstream: %d dates backfilled in %d s, the re-run in a worker process took %d s%n", before.size(),
                TimeUnit.NANOSECONDS.toSeconds(reRunStart - start), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - reRunStart));
        Set<DateKey> reRun = after.values().stream()
                .filter(record -> !record.finishedAt().equals(before.get(record.key()).finishedAt()))
                .map(DateRecord::key)
                .collect(Collectors.toSet());
        Set<DateKey> expected = new HashSet<>(Set.of(new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY), new DateKey(AnalyticsTable.PLAYER_SUMMARY, DAY)));
        DateRange.of(DAY.plusDays(1), DAY.plusDays(30)).dates().forEach(date -> expected.add(new DateKey(AnalyticsTable.UPCOMING_PLAYER, date)));
        assertThat(reRun).as("the forced date and its dependents, and nothing else").isEqualTo(expected);
        assertThat(after.values()).allSatisfy(record -> assertThat(record.state().isDone()).as("%s", record.key()).isTrue());

        DateRecord teamOffense = after.get(new DateKey(AnalyticsTable.TEAM_OFFENSE, DAY));
        DateRecord playerSummary = after.get(new DateKey(AnalyticsTable.PLAYER_SUMMARY, DAY));
        assertThat(playerSummary.startedAt().orElseThrow()).as("player_summary after team_offense").isAfterOrEqualTo(teamOffense.finishedAt().orElseThrow());
        for (LocalDate date : DateRange.of(DAY.plusDays(1), DAY.plusDays(30)).dates()) {
            assertThat(after.get(new DateKey(AnalyticsTable.UPCOMING_PLAYER, date)).startedAt().orElseThrow())
                    .as("upcoming_player %s after player_summary %s", date, DAY).isAfterOrEqualTo(playerSummary.finishedAt().orElseThrow());
        }
        assertThat(staleCounts(cli)).as("STALE counts go back to 0").containsOnly(0L);
    }

    private Map<DateKey, DateRecord> records()
    {
        Map<DateKey, DateRecord> records = new HashMap<>();
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()))) {
            for (AnalyticsTable table : BuiltInTables.analyticsTables()) {
                store.list(table, Optional.empty(), Set.of()).forEach(record -> records.put(record.key(), record));
            }
        }
        return records;
    }

    private static Set<Long> staleCounts(CoordinatorCli cli)
            throws Exception
    {
        JsonNode progress = JSON.readTree(cli.run("status", "--json").out()).get("progress");
        Set<Long> counts = new HashSet<>();
        BuiltInTables.analyticsTables().forEach(table -> counts.add(progress.get(table.tableName()).get("stale").asLong()));
        return counts;
    }
}
