package dev.backfillfleet.worker;

import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.state.StateStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/** Holds the leases of this worker's running dates: renews each on its own schedule, stops them all on shutdown. */
public final class LeaseKeeper
{
    private final StateStore stateStore;
    private final Duration leaseLength;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Set<HeldLease> held = ConcurrentHashMap.newKeySet();

    public LeaseKeeper(StateStore stateStore, Duration leaseLength, Clock clock, Scheduler scheduler)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.leaseLength = requireNonNull(leaseLength, "leaseLength is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    /** Starts renewing {@code lease} for the current thread, which is interrupted if the lease is lost. Close it when done. */
    public HeldLease hold(Lease lease)
    {
        HeldLease holding = new HeldLease(stateStore, lease, leaseLength, clock, Thread.currentThread());
        held.add(holding);
        holding.renewEvery(scheduler, () -> held.remove(holding));
        return holding;
    }

    /** Asks every running date to stop and give itself back; returns how many were asked. */
    public int stopAll(String reason)
    {
        List<HeldLease> running = List.copyOf(held);
        running.forEach(holding -> holding.requestStop(reason));
        return running.size();
    }

    public int held()
    {
        return held.size();
    }
}
