package dev.backfillfleet.warehouse;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.schema.AnalyticsSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a permit store behind the fleet-wide pacing of partition writes: a permit is
 * taken once, by one caller, however many race for it; and through a {@link WindowedWriteGate},
 * no one-second window grants more than its share.
 */
public abstract class AbstractPermitStoreTest
{
    private static final TableRef TABLE = AnalyticsSchemas.ref(AnalyticsTable.SYNTHETIC);

    protected WindowedWriteGate.PermitStore store;

    protected abstract WindowedWriteGate.PermitStore createStore()
            throws Exception;

    protected void closeStore()
            throws Exception {}

    @BeforeEach
    void setUpStore()
            throws Exception
    {
        store = createStore();
    }

    @AfterEach
    void tearDownStore()
            throws Exception
    {
        closeStore();
    }

    @Test
    void aPermitIsTakenOnceWhoeverRacesForIt()
            throws Exception
    {
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(racers.submit(() -> store.tryTake(TABLE, 1_000L, 0)));
            }
            int taken = 0;
            for (Future<Boolean> attempt : attempts) {
                taken += attempt.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(taken).isEqualTo(1);
            assertThat(store.tryTake(TABLE, 1_000L, 1)).as("another permit of the window").isTrue();
            assertThat(store.tryTake(TABLE, 1_001L, 0)).as("the same permit of the next window").isTrue();
        }
        finally {
            racers.shutdownNow();
        }
    }

    @Test
    void theGateGrantsNoWindowMoreThanItsShare()
            throws Exception
    {
        // 20 writes per 10 s: two permits per one-second window; the permits taken are counted where they are taken
        PermitWindows windows = new PermitWindows(20);
        Map<Long, AtomicInteger> takenPerWindow = new ConcurrentHashMap<>();
        WindowedWriteGate.PermitStore counting = (table, window, permit) -> {
            boolean taken = store.tryTake(table, window, permit);
            if (taken) {
                takenPerWindow.computeIfAbsent(window, ignored -> new AtomicInteger()).incrementAndGet();
            }
            return taken;
        };
        WindowedWriteGate gate = new WindowedWriteGate(counting, windows, Clock.systemUTC());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                done.add(writers.submit(() -> {
                    for (int write = 0; write < 2; write++) {
                        gate.acquire(TABLE);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            writers.shutdownNow();
        }
        assertThat(takenPerWindow.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(8);
        assertThat(takenPerWindow.values()).allSatisfy(count -> assertThat(count.get()).isLessThanOrEqualTo(windows.permitsPerWindow()));
        assertThat(takenPerWindow).as("8 writes at 2 per window take 4 windows").hasSize(4);
    }
}
