package dev.backfillfleet.testing;

import dev.backfillfleet.support.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that moves only when a test says so. */
public final class TestingClock
        extends Clock
{
    private final AtomicReference<Instant> now;

    public TestingClock()
    {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public TestingClock(Instant start)
    {
        this.now = new AtomicReference<>(start);
    }

    public void tick(Duration duration)
    {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** A monotonic ticker that moves with this clock: the time that really passes in a test's script. */
    public Ticker ticker()
    {
        Instant origin = now.get();
        return () -> Duration.between(origin, now.get()).toNanos();
    }

    @Override
    public Instant instant()
    {
        return now.get();
    }

    @Override
    public ZoneId getZone()
    {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone)
    {
        throw new UnsupportedOperationException("TestingClock is UTC only");
    }
}
