package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.testing.TestingClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract every store of paused tables keeps; subclasses give a fresh, empty one. */
public abstract class AbstractTablePausesTest
{
    protected final TestingClock clock = new TestingClock();
    protected TablePauses pauses;

    protected abstract TablePauses createPauses()
            throws Exception;

    protected void closePauses()
            throws Exception {}

    @BeforeEach
    void setUpPauses()
            throws Exception
    {
        pauses = createPauses();
    }

    @AfterEach
    void tearDownPauses()
            throws Exception
    {
        closePauses();
    }

    @Test
    void aPauseIsKeptUntilResumedAndTheFirstPauseStands()
    {
        assertThat(pauses.pausedTables()).isEmpty();
        TablePause pause = new TablePause(AnalyticsTable.SYNTHETIC, clock.instant(), "alice@host");
        assertThat(pauses.pause(pause)).isEqualTo(pause);
        clock.tick(Duration.ofMinutes(1));
        assertThat(pauses.pause(new TablePause(AnalyticsTable.SYNTHETIC, clock.instant(), "bob@host"))).as("already paused").isEqualTo(pause);
        pauses.pause(new TablePause(AnalyticsTable.TEAM_OFFENSE, clock.instant(), "bob@host"));

        assertThat(pauses.pausedTables()).containsOnlyKeys(AnalyticsTable.SYNTHETIC, AnalyticsTable.TEAM_OFFENSE);
        assertThat(pauses.pausedTables().get(AnalyticsTable.SYNTHETIC)).isEqualTo(pause);

        assertThat(pauses.resume(AnalyticsTable.SYNTHETIC)).isTrue();
        assertThat(pauses.resume(AnalyticsTable.SYNTHETIC)).as("not paused any more").isFalse();
        assertThat(pauses.pausedTables()).containsOnlyKeys(AnalyticsTable.TEAM_OFFENSE);
    }

    @Test
    void aTableResumedIsPausedAfreshNextTime()
    {
        pauses.pause(new TablePause(AnalyticsTable.TEAM_DEFENSE, clock.instant(), "alice@host"));
        pauses.resume(AnalyticsTable.TEAM_DEFENSE);
        clock.tick(Duration.ofHours(1));
        TablePause again = new TablePause(AnalyticsTable.TEAM_DEFENSE, clock.instant(), "bob@host");
        assertThat(pauses.pause(again)).isEqualTo(again);
        assertThat(pauses.pausedTables()).containsEntry(AnalyticsTable.TEAM_DEFENSE, again);
    }

    @Test
    void racingPausesOfOneTableKeepOne()
            throws Exception
    {
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            List<TablePause> asked = new ArrayList<>();
            List<Future<TablePause>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                TablePause pause = new TablePause(AnalyticsTable.UPCOMING_TEAM, clock.instant(), "operator-" + i + "@host");
                asked.add(pause);
                answers.add(executor.submit(() -> pauses.pause(pause)));
            }
            List<TablePause> told = new ArrayList<>();
            for (Future<TablePause> answer : answers) {
                told.add(answer.get());
            }
            TablePause kept = pauses.pausedTables().get(AnalyticsTable.UPCOMING_TEAM);
            assertThat(asked).as("the pause kept is one of those asked for").contains(kept);
            assertThat(told).as("every caller is told the pause in effect").containsOnly(kept);
        }
        finally {
            executor.shutdownNow();
        }
    }
}
