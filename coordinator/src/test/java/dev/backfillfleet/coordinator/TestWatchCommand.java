package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.ErrorClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code watch} as a log or a pipe sees it (no terminal): plain lines, counts from the state store only. */
class TestWatchCommand
{
    @TempDir
    Path home;

    @Test
    void onceShowsOneLinePerTableWithEveryStateCounted()
    {
        KnownStates.januaryOfSynthetic(home).close();

        CoordinatorCli.Result watch = new CoordinatorCli(home).run("watch", "--table", "synthetic", "--range", "2024-01-01..2024-01-31", "--once");

        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out())
                .matches("(?s)\\d\\d:\\d\\d:\\d\\d synthetic .*")
                // 12 done, 4 failed, 2 running, 4 queued, 9 never enqueued, over 30 characters
                .contains("synthetic [###########xxxx>>----.........] 51%")
                .contains("done 12 (no games 2), failed 4, cancelled 0, running 2, queued 4, pending 9 of 31")
                .contains("--/min")
                .doesNotContain("\u001b[");
        assertThat(watch.out().lines().filter(line -> line.contains(" synthetic [")).count()).isEqualTo(1);
    }

    @Test
    void onceWithoutARangeShowsOnlyTablesThatHaveRecords()
    {
        try (KnownStates states = KnownStates.in(home)) {
            states.succeeded(AnalyticsTable.TEAM_OFFENSE, KnownStates.range("2024-01-01", "2024-01-04"), 12, Duration.ofSeconds(2));
            states.queued(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-01", "2024-01-02"));
        }

        CoordinatorCli.Result watch = new CoordinatorCli(home).run("watch", "--once");

        assertThat(watch.out())
                .contains("team_offense [##############################] 100% | done 4 (no games 0), failed 0, cancelled 0, running 0, queued 0, pending 0 of 4")
                .contains("synthetic [------------------------------] 0% | done 0 (no games 0), failed 0, cancelled 0, running 0, queued 2, pending 0 of 2")
                .doesNotContain("player_summary");
    }

    @Test
    void onceBeforeAnythingWasEnqueuedSaysSo()
    {
        CoordinatorCli.Result watch = new CoordinatorCli(home).run("watch", "--once");
        assertThat(watch.exitCode()).isZero();
        assertThat(watch.out()).contains("no dates recorded yet");
    }

    @Test
    void notesDatesInTheRangeThatWereNeverEnqueued()
    {
        try (KnownStates states = KnownStates.in(home)) {
            states.succeeded(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-01", "2024-01-10"), 1, Duration.ofMillis(10));
        }
        CoordinatorCli.Result watch = new CoordinatorCli(home).run("watch", "--table", "synthetic", "--range", "2024-01-01..2024-01-20", "--once");
        assertThat(watch.out())
                .contains("ETA --")
                .contains("synthetic: 10 dates in the range were never enqueued; watch waits for every date");
    }

    @Test
    void endsByItselfOnceEveryDateIsTerminalAndExitsOneIfSomeFailed()
    {
        try (KnownStates states = KnownStates.in(home)) {
            states.succeeded(AnalyticsTable.SYNTHETIC, KnownStates.range("2024-01-01", "2024-01-10"), 1, Duration.ofMillis(10));
            states.failed(AnalyticsTable.SYNTHETIC, LocalDate.parse("2024-01-11"), ErrorClass.PERMANENT, "bad data");
        }
        CoordinatorCli.Result watch = new CoordinatorCli(home).run("watch", "--interval", "0.1");
        assertThat(watch.exitCode()).isEqualTo(1);
        assertThat(watch.out()).contains("Every date is terminal: 10 of 11 done, 1 FAILED.").contains("coordinator failed");
    }
}
