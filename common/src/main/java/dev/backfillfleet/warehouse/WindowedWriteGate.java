package dev.backfillfleet.warehouse;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;

/**
 * A {@link PartitionWriteGate} over shared permit records: take a free permit of the current
 * window, or wait for the next window. Where the records live is the {@link PermitStore}'s
 * business (a Firestore collection, a SQLite table).
 */
public final class WindowedWriteGate
        implements PartitionWriteGate
{
    private final PermitStore store;
    private final PermitWindows windows;
    private final Clock clock;

    public WindowedWriteGate(PermitStore store, PermitWindows windows, Clock clock)
    {
        this.store = requireNonNull(store, "store is null");
        this.windows = requireNonNull(windows, "windows is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void acquire(TableRef table)
            throws InterruptedException
    {
        while (true) {
            long window = windows.windowOf(clock.instant());
            int permits = windows.permitsPerWindow();
            // start at a random permit, so that racing workers mostly try different records
            int first = ThreadLocalRandom.current().nextInt(permits);
            for (int i = 0; i < permits; i++) {
                if (store.tryTake(table, window, (first + i) % permits)) {
                    return;
                }
            }
            long untilNext = Duration.between(clock.instant(), windows.startOf(window + 1)).toMillis();
            Thread.sleep(Math.max(1, untilNext) + ThreadLocalRandom.current().nextLong(50));
        }
    }

    /** Where permits are recorded: {@link #tryTake} creates (table, window, permit) once, fleet-wide. */
    public interface PermitStore
    {
        /** True if this call created the permit; false if it already existed. */
        boolean tryTake(TableRef table, long window, int permit);
    }
}
