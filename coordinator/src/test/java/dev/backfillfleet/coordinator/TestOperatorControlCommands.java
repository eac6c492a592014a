package dev.backfillfleet.coordinator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** cancel, pause, resume, runs and the stale and downstream views, run in this JVM on the embedded backend. */
class TestOperatorControlCommands
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JANUARY = "2024-01-01..2024-01-31";

    @TempDir
    Path home;

    @Test
    void cancelOfARangeEndsQueuedAndNeverEnqueuedDatesAndEveryViewCountsThem()
            throws Exception
    {
        // 12 done, 4 failed, 2 running, 4 queued, 9 never enqueued
        KnownStates.januaryOfSynthetic(home).close();
        CoordinatorCli cli = new CoordinatorCli(home);
        byte[] before = Files.readAllBytes(home.resolve("state.db"));

        CoordinatorCli.Result dryRun = cli.run("cancel", "--table", "synthetic", "--range", JANUARY, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Dry run").contains("Total: 13 dates would be cancelled.").contains("2 running dates would finish first");
        assertThat(Files.readAllBytes(home.resolve("state.db"))).as("a dry run writes nothing").isEqualTo(before);

        CoordinatorCli.Result cancel = cli.run("cancel", "--table", "synthetic", "--range", JANUARY);
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("Total: 13 dates cancelled.").contains("cancelled: 2024-01-19..2024-01-31")
                .contains("2 running dates finish first: their result stands");

        JsonNode states = JSON.readTree(cli.run("status", "--table", "synthetic", "--range", JANUARY, "--json").out()).get("tables").get("synthetic");
        assertThat(states.get("CANCELLED").asLong()).isEqualTo(13);
        assertThat(states.get("RUNNING").asLong()).isEqualTo(2);
        assertThat(states.get("PENDING").asLong()).isZero();
        assertThat(cli.run("status", "--table", "synthetic", "--range", JANUARY).out()).contains("CANCELLED");
        assertThat(cli.run("watch", "--table", "synthetic", "--range", JANUARY, "--once").out())
                .contains("done 12 (no games 2), failed 4, cancelled 13, running 2, queued 0, pending 0 of 31")
                .contains("[############xxxx~~~~~~~~~~~~>>]");
        assertThat(cli.run("failed", "--table", "synthetic").out())
                .contains("4 failed dates in 2 groups by error (and 13 CANCELLED, not failures: 'coordinator enqueue' queues them again):");
        assertThat(JSON.readTree(cli.run("failed", "--table", "synthetic", "--json").out()).get("cancelled").asLong()).isEqualTo(13);

        CoordinatorCli.Result again = cli.set("backfill.synthetic-latency-ms", "1").run("enqueue", "--table", "synthetic", "--range", JANUARY);
        assertThat(again.out()).as("cancelled dates are queued again like pending ones; failed ones too").contains("queued 17 dates");
    }

    @Test
    void watchEndsOnceEveryDateIsTerminalCancelledOnesIncluded()
    {
        try (KnownStates states = KnownStates.in(home)) {
            states.succeeded(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-01", "2024-01-10"), 1, Duration.ofMillis(10));
            states.queued(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-11", "2024-01-15"));
            states.cancelled(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-11", "2024-01-15"));
        }
        CoordinatorCli.Result watch = new CoordinatorCli(home).run("watch", "--interval", "0.1");
        assertThat(watch.exitCode()).as("a cancel is not a failure").isZero();
        assertThat(watch.out()).contains("Every date is terminal: 10 of 15 done, 0 FAILED, 5 CANCELLED.");
    }

    @Test
    void cancelWithoutDatesTakesTheQueuedAndRunningOnesAndNowAsksRunningOnesToStop()
    {
        KnownStates.januaryOfSynthetic(home).close();
        CoordinatorCli.Result cancel = new CoordinatorCli(home).run("cancel", "--table", "synthetic", "--now");
        assertThat(cancel.out()).contains("Total: 4 dates cancelled.").contains("2 running dates stop at their next lease renewal (within 6 s)");
        try (TransitioningStateStore store = store()) {
            assertThat(store.countByState(AnalyticsTable.SYNTHETIC, Optional.empty()))
                    .containsEntry(DateState.CANCELLED, 4L).containsEntry(DateState.RUNNING, 2L).doesNotContainKey(DateState.PENDING);
            assertThat(store.list(AnalyticsTable.SYNTHETIC, Optional.empty(), Set.of(DateState.RUNNING)))
                    .allSatisfy(record -> assertThat(record.cancelRequest()).contains(dev.backfillfleet.domain.CancelRequest.NOW));
        }
    }

    @Test
    void runsAreListedWithTheirCountsAndOneRunIsCancelledOrShownByItsId()
            throws Exception
    {
        CoordinatorCli cli = new CoordinatorCli(home);
        String first = runId(cli.run("enqueue", "--table", "synthetic", "--range", "2024-02-01..2024-02-10").out());
        String second = runId(cli.run("enqueue", "--table", "synthetic", "--range", "2024-03-01..2024-03-05").out());

        CoordinatorCli.Result runs = cli.run("runs");
        assertThat(runs.exitCode()).as(runs.err()).isZero();
        assertThat(runs.out().indexOf(second)).as("newest first").isLessThan(runs.out().indexOf(first));
        assertThat(runs.out()).contains("enqueue").contains("2024-02-01..2024-02-10").contains(System.getProperty("user.name") + "@");
        JsonNode listed = JSON.readTree(cli.run("runs", "--json").out()).get("runs");
        assertThat(listed.get(1).get("id").asText()).isEqualTo(first);
        assertThat(listed.get(1).get("states").get("QUEUED").asLong()).isEqualTo(10);
        assertThat(listed.get(1).get("keys").asLong()).isEqualTo(10);

        CoordinatorCli.Result cancel = cli.run("cancel", "--run", first);
        assertThat(cancel.out()).contains("Total: 10 dates cancelled.");
        assertThat(JSON.readTree(cli.run("status", "--run", first, "--json").out()).get("tables").get("synthetic").get("CANCELLED").asLong()).isEqualTo(10);
        assertThat(cli.run("status", "--run", second).out()).contains("Run " + second);
        assertThat(JSON.readTree(cli.run("status", "--run", second, "--json").out()).get("tables").get("synthetic").get("QUEUED").asLong())
                .as("the other run is left alone").isEqualTo(5);
        assertThat(JSON.readTree(cli.run("runs", "--json").out()).get("runs").get(1).get("finishedAt").isNull())
                .as("every date of the first run is terminal: it finished").isFalse();
        assertThat(cli.run("status", "--run", "no-such-run").exitCode()).isEqualTo(2);
    }

    @Test
    void statusOfSomeDatesCountsThoseDatesOnly()
            throws Exception
    {
        KnownStates.januaryOfSynthetic(home).close();
        JsonNode states = JSON.readTree(new CoordinatorCli(home).run("status", "--table", "synthetic", "--dates", "2024-01-05,2024-01-13,2024-01-30", "--json").out())
                .get("tables").get("synthetic");
        assertThat(states.get("SUCCEEDED").asLong()).isEqualTo(1);
        assertThat(states.get("FAILED").asLong()).isEqualTo(1);
        assertThat(states.get("PENDING").asLong()).as("three dates asked, not the 26 between them").isEqualTo(1);
    }

    @Test
    void staleDatesAreCountedListedAndQueuedAgainAndDownstreamReRunsArePlanned()
            throws Exception
    {
        LocalDate day = LocalDate.parse("2024-11-20");
        DateRange month = DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-12-31"));
        TestingClock clock = new TestingClock(Instant.parse("2024-12-01T00:00:00Z"));
        try (KnownStates states = KnownStates.in(home, clock)) {
            for (AnalyticsTable table : dev.backfillfleet.catalog.BuiltInTables.analyticsTables()) {
                states.succeeded(table, DateRange.of(month.first().minusDays(30), month.last()), 1, Duration.ofMillis(5));
                clock.tick(Duration.ofMinutes(1));
            }
            CoordinatorCli cli = new CoordinatorCli(home);
            assertThat(stale(cli, "player_game_summary")).isZero();

            // team_offense on the 20th re-run alone, after its dependents were done
            states.succeededAgain(AnalyticsTable.TEAM_OFFENSE, day, 2);
        }
        CoordinatorCli cli = new CoordinatorCli(home);
        assertThat(stale(cli, "player_game_summary")).isEqualTo(1);
        assertThat(stale(cli, "upcoming_player_game_context")).isEqualTo(30);
        assertThat(stale(cli, "team_offense_game_summary")).isZero();
        assertThat(cli.run("status", "--range", month.toString(), "--stale").out())
                .contains("player_summary: 1 STALE: 2024-11-20")
                .contains("upcoming_player: 30 STALE: 2024-11-21..2024-12-20");

        CoordinatorCli.Result staleRun = cli.run("enqueue", "--stale", "--table", "all", "--dry-run");
        assertThat(staleRun.out()).contains("The 31 STALE dates: player_summary: 2024-11-20; upcoming_player: 2024-11-21..2024-12-20");

        CoordinatorCli.Result downstream = cli.run("enqueue", "--force", "--downstream", "--table", "team_offense", "--dates", day.toString(), "--dry-run");
        assertThat(downstream.exitCode()).as(downstream.err()).isZero();
        assertThat(downstream.out())
                .contains("Including 31 downstream dates, which run after the dates they depend on: player_summary: 2024-11-20; upcoming_player: 2024-11-21..2024-12-20")
                .contains("team_offense: 2024-11-20");
        assertThat(cli.run("enqueue", "--downstream", "--table", "team_offense", "--dates", day.toString()).err()).contains("give --force with it");

        CoordinatorCli.Result requeued = cli.run("enqueue", "--stale", "--table", "player_summary,upcoming_player", "--range", month.toString());
        assertThat(requeued.out()).contains("player_game_summary              queued 1 dates").contains("upcoming_player_game_context     queued 30 dates");
        try (TransitioningStateStore store = store()) {
            assertThat(store.get(new dev.backfillfleet.domain.DateKey(AnalyticsTable.UPCOMING_PLAYER, day.plusDays(30))).orElseThrow().state())
                    .isEqualTo(DateState.QUEUED);
            assertThat(store.get(new dev.backfillfleet.domain.DateKey(AnalyticsTable.UPCOMING_PLAYER, day.plusDays(31))).orElseThrow().state())
                    .as("not stale, not queued").isEqualTo(DateState.SUCCEEDED);
        }
    }

    private static long stale(CoordinatorCli cli, String table)
            throws Exception
    {
        return JSON.readTree(cli.run("status", "--range", "2024-11-01..2024-12-31", "--json").out()).get("progress").get(table).get("stale").asLong();
    }

    private static String runId(String out)
    {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Run (\\S+):").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return matcher.group(1);
    }

    private TransitioningStateStore store()
    {
        return new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()));
    }
}
