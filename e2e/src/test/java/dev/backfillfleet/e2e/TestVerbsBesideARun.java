package dev.backfillfleet.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backfillfleet.coordinator.CoordinatorCli;
import dev.backfillfleet.coordinator.KnownStates;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.TransitioningStateStore;
import dev.backfillfleet.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's verbs while {@code coordinator run} runs workers in this JVM: retry, pause and resume, watch. */
class TestVerbsBesideARun
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void retriedDatesRunToTheEnd()
    {
        KnownStates.januaryOfSynthetic(home).close();
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "1");
        assertThat(cli.run("retry", "--table", "synthetic", "--failed").out()).contains("queued 4 failed dates again");

        CoordinatorCli.Result drained = cli.run("run", "--table", "synthetic", "--range", "2024-01-13..2024-01-16");
        assertThat(drained.exitCode()).as(drained.out()).isZero();
        assertThat(state("2024-01-16")).isEqualTo(DateState.SUCCEEDED);
        assertThat(state("2024-01-13")).isEqualTo(DateState.SUCCEEDED);
    }

    @Test
    void pausedTablesAreShownAndARunWaitsForTheResumeWithoutUsingAnAttempt()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "1");
        assertThat(cli.run("pause", "--table", "synthetic").out()).contains("Paused synthetic");
        assertThat(cli.run("pause", "--table", "synthetic").out()).contains("synthetic was already paused, since");

        CompletableFuture<CoordinatorCli.Result> run = CompletableFuture.supplyAsync(() -> cli.run("run", "--table", "synthetic", "--range", "2024-04-01..2024-04-20"));
        Eventually.await("the run's 20 dates queued", Duration.ofSeconds(30), () -> queued() >= 20);
        CoordinatorCli.Result status = cli.run("status", "--table", "synthetic");
        assertThat(status.out()).contains("PAUSED").contains("synthetic: PAUSED since");
        assertThat(JSON.readTree(cli.run("status", "--table", "synthetic", "--json").out()).get("progress").get("synthetic").get("paused").get("by").asText())
                .contains("@");
        assertThat(cli.run("watch", "--table", "synthetic", "--once").out()).contains("| PAUSED").contains("synthetic: PAUSED since");
        assertThat(run).as("nothing runs while the table is paused").isNotDone();

        assertThat(cli.run("resume", "--table", "synthetic").out()).contains("Resumed synthetic; published 20 of its queued or running dates again.");
        CoordinatorCli.Result finished = run.get(60, TimeUnit.SECONDS);
        assertThat(finished.exitCode()).as(finished.out() + finished.err()).isZero();
        assertThat(finished.out()).contains("20 SUCCEEDED");
        try (TransitioningStateStore store = store()) {
            assertThat(store.list(AnalyticsTable.SYNTHETIC, Optional.empty(), Set.of())).hasSize(20)
                    .allSatisfy(record -> assertThat(record.attempts()).as("the pause used no attempt: %s", record.key()).isEqualTo(1));
        }
        assertThat(cli.run("resume", "--table", "synthetic").out()).contains("synthetic was not paused");
    }

    @Test
    void watchFollowsARunningBackfillUntilItIsDone()
            throws Exception
    {
        CoordinatorCli cli = StandaloneCli.at(home).set("backfill.synthetic-latency-ms", "30");
        assertThat(cli.run("enqueue", "--table", "synthetic", "--range", "2024-03-01..2024-03-30").exitCode()).isZero();

        CompletableFuture<CoordinatorCli.Result> watch = CompletableFuture.supplyAsync(
                () -> cli.run("watch", "--table", "synthetic", "--range", "2024-03-01..2024-03-30", "--interval", "0.1"));
        CoordinatorCli.Result run = cli.run("run", "--table", "synthetic", "--range", "2024-03-01..2024-03-30", "--workers", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();

        CoordinatorCli.Result watched = watch.get(30, TimeUnit.SECONDS);
        assertThat(watched.exitCode()).as(watched.out() + watched.err()).isZero();
        assertThat(watched.out())
                .contains("done 30 (no games 0), failed 0, cancelled 0, running 0, queued 0, pending 0 of 30")
                .contains("Every date is terminal: 30 of 30 done, 0 FAILED.");
        List<String> frames = watched.out().lines().filter(line -> line.contains(" synthetic [")).toList();
        assertThat(frames).as("a line each time the counts changed").hasSizeGreaterThan(2);
        // how far the run got before the first frame is a race; that all 30 were enqueued is not
        assertThat(frames.get(0)).contains("pending 0 of 30");
        List<Integer> done = frames.stream().map(TestVerbsBesideARun::doneCount).toList();
        assertThat(done).as("done never goes back").isSorted();
        assertThat(done.get(0)).as("the first frame is from before the end").isLessThan(30);
    }

    private long queued()
    {
        if (!Files.exists(home.resolve("state.db"))) {
            return 0;
        }
        try (TransitioningStateStore store = store()) {
            return store.countByState(AnalyticsTable.SYNTHETIC, Optional.empty()).getOrDefault(DateState.QUEUED, 0L);
        }
    }

    private DateState state(String date)
    {
        try (TransitioningStateStore store = store()) {
            return store.get(new DateKey(AnalyticsTable.SYNTHETIC, LocalDate.parse(date))).map(DateRecord::state).orElse(DateState.PENDING);
        }
    }

    private TransitioningStateStore store()
    {
        return new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()));
    }

    private static int doneCount(String frame)
    {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("done (\\d+) ").matcher(frame);
        assertThat(matcher.find()).as(frame).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
