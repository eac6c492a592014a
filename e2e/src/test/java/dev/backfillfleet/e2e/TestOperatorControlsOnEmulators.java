package dev.backfillfleet.e2e;

import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.state.TransitioningStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pause and cancel with real processes on the production adapters: Pub/Sub and Firestore on
 * the official emulators (unary pull: the emulator loses messages to closed streaming pulls, see
 * TestEmulatorEndToEnd), the embedded warehouse; two worker JVMs and coordinator JVMs after
 * {@code coordinator setup}. Fewer dates than on the embedded backend: the scenario is the same.
 */
class TestOperatorControlsOnEmulators
{
    private static final String PROJECT = "backfill-fleet-controls";

    @TempDir
    Path home;

    @Test
    void pauseAndCancelWhileTwoWorkersRunOnPubSubAndFirestore()
            throws Exception
    {
        EmulatorFleet fleet = EmulatorFleet.require("TestOperatorControlsOnEmulators", PROJECT, "controls");
        Map<String, String> environment = fleet.environment(home);
        environment.putAll(Map.of(
                "BACKFILL_SYNTHETIC_LATENCY_MS", Integer.toString(OperatorControlsScenario.LATENCY_MS),
                "BACKFILL_PUBSUB_RETRY_MIN_BACKOFF_SECONDS", "1",
                "BACKFILL_PUBSUB_PULL_MODE", "unary"));

        JavaProcesses.coordinatorSucceeds(environment, home.resolve("setup.log"), "setup");

        try (TransitioningStateStore store = fleet.stateStore();
                OperatorControlsScenario scenario = new OperatorControlsScenario(home, environment, store)) {
            scenario.startWorkers(2, 4);
            scenario.pauseWhileWorkersRun(DateRange.of(LocalDate.parse("2019-01-01"), LocalDate.parse("2019-08-28")),
                    DateRange.of(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-15")), Duration.ofSeconds(6));
            scenario.cancelHalfWay(DateRange.of(LocalDate.parse("2020-01-01"), LocalDate.parse("2020-07-18")));
            scenario.stopWorkers();
        }
    }
}
