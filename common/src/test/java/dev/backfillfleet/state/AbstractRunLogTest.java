package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract every run log keeps; subclasses give a fresh, empty one. */
public abstract class AbstractRunLogTest
{
    protected final TestingClock clock = new TestingClock();
    protected RunLog runLog;

    protected abstract RunLog createRunLog()
            throws Exception;

    protected void closeRunLog()
            throws Exception {}

    @BeforeEach
    void setUpRunLog()
            throws Exception
    {
        runLog = createRunLog();
    }

    @AfterEach
    void tearDownRunLog()
            throws Exception
    {
        closeRunLog();
    }

    @Test
    void runsAreListedNewestFirstAndFoundById()
    {
        assertThat(runLog.runs(10)).isEmpty();
        BackfillRun first = new BackfillRun("run-1", clock.instant(), "alice@host", "enqueue", List.of(AnalyticsTable.TEAM_OFFENSE, AnalyticsTable.SYNTHETIC),
                "2024-11-01..2024-11-04", 8);
        runLog.recordRun(first);
        clock.tick(Duration.ofMinutes(1));
        BackfillRun second = new BackfillRun("run-2", clock.instant(), "bob@host", "retry --failed", List.of(AnalyticsTable.TEAM_OFFENSE), "2024-11-02", 1);
        runLog.recordRun(second);

        assertThat(runLog.runs(10)).containsExactly(second, first);
        assertThat(runLog.runs(1)).containsExactly(second);
        assertThat(runLog.runs(0)).isEmpty();
        assertThat(runLog.run("run-1")).contains(first);
        assertThat(runLog.run("no-such-run")).isEmpty();
    }

    @Test
    void aRunKeepsEveryTableItNamed()
    {
        List<AnalyticsTable> every = List.of(AnalyticsTable.TEAM_OFFENSE, AnalyticsTable.SYNTHETIC, new AnalyticsTable("a_table_of_the_users"));
        BackfillRun all = new BackfillRun("run-all", clock.instant(), "alice@host", "run", every, "2024-10-22..2025-04-13", 174 * every.size());
        runLog.recordRun(all);
        assertThat(runLog.run("run-all").orElseThrow().tables()).containsExactlyElementsOf(every);
    }
}
