package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.TransitioningStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Cancel and pause with real processes on the embedded backend: two worker JVMs and coordinator
 * JVMs sharing one BACKFILL_HOME (the same scenario runs on the emulators in
 * TestOperatorControlsOnEmulators).
 */
class TestOperatorControls
{
    private static final DateRange FIVE_HUNDRED_DATES = DateRange.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-01").plusDays(499));

    @TempDir
    Path home;

    @Test
    void pauseAndCancelWhileTwoWorkersRun()
            throws Exception
    {
        Map<String, String> environment = Map.of(
                "BACKFILL_HOME", home.toString(),
                "BACKFILL_SYNTHETIC_LATENCY_MS", Integer.toString(OperatorControlsScenario.LATENCY_MS));
        try (TransitioningStateStore store = new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), Clock.systemUTC()));
                OperatorControlsScenario scenario = new OperatorControlsScenario(home, environment, store)) {
            scenario.startWorkers(2, 8);
            scenario.pauseWhileWorkersRun(DateRange.of(LocalDate.parse("2019-01-01"), LocalDate.parse("2019-08-28")),
                    DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30")), Duration.ofSeconds(6));
            scenario.cancelHalfWay(FIVE_HUNDRED_DATES);
            scenario.stopWorkers();
        }
    }
}
