package dev.backfillfleet.worker;

import dev.backfillfleet.testing.TestingClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Scheduler} that runs its tasks when a test moves the clock with {@link #advance}, on the
 * test's own thread: lease renewals happen exactly when the script says time has passed.
 */
final class TestingScheduler
        implements Scheduler
{
    private final TestingClock clock;
    private final List<Task> tasks = new ArrayList<>();

    TestingScheduler(TestingClock clock)
    {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable every(Duration period, Runnable task)
    {
        Task scheduled = new Task(period, task, clock.instant().plus(period));
        tasks.add(scheduled);
        return () -> {
            synchronized (this) {
                tasks.remove(scheduled);
            }
        };
    }

    /** Moves the clock by {@code duration}, running every task that falls due on the way, in time order. */
    void advance(Duration duration)
    {
        Instant end = clock.instant().plus(duration);
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(task -> !task.due.isAfter(end)).min((left, right) -> left.due.compareTo(right.due)).orElse(null);
                if (next != null) {
                    next.due = next.due.plus(next.period);
                }
            }
            if (next == null) {
                break;
            }
            Duration step = Duration.between(clock.instant(), next.due.minus(next.period));
            if (!step.isNegative()) {
                clock.tick(step);
            }
            next.task.run();
        }
        Duration rest = Duration.between(clock.instant(), end);
        if (!rest.isNegative()) {
            clock.tick(rest);
        }
    }

    synchronized int scheduled()
    {
        return tasks.size();
    }

    private static final class Task
    {
        final Duration period;
        final Runnable task;
        Instant due;

        Task(Duration period, Runnable task, Instant due)
        {
            this.period = period;
            this.task = task;
            this.due = due;
        }
    }
}
