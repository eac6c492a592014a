package dev.backfillfleet.worker;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Scheduler} on a thread pool with as many threads as the worker has slots, so that a
 * slow renewal (Firestore latency) delays no other slot's renewal.
 */
public final class ExecutorScheduler
        implements Scheduler, AutoCloseable
{
    private final ScheduledExecutorService executor;

    public ExecutorScheduler(int threads, String name)
    {
        AtomicInteger number = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    @Override
    public Cancellable every(Duration period, Runnable task)
    {
        long millis = Math.max(1, period.toMillis());
        ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close()
    {
        executor.shutdownNow();
    }
}
