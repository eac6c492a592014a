package dev.backfillfleet.worker;

import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.support.Ticker;
import dev.backfillfleet.support.Reachability;

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
    private final Ticker ticker;
    private final Reachability reachability;
    private final Scheduler scheduler;
    private final Set<HeldLease> held = ConcurrentHashMap.newKeySet();

    public LeaseKeeper(StateStore stateStore, Duration leaseLength, Ticker ticker, Reachability reachability, Scheduler scheduler)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.leaseLength = requireNonNull(leaseLength, "leaseLength is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.reachability = requireNonNull(reachability, "reachability is null");
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    /** The monotonic time to pass to {@link #hold}: read it right before sending the claim. */
    public long claimSending()
    {
        return ticker.nanos();
    }

    /**
     * Starts renewing {@code lease}, granted by a claim sent at {@code claimSentNanos}
     * ({@link #claimSending}), for the current thread, which is interrupted if the lease is lost.
     * Close it when done.
     */
    public HeldLease hold(Lease lease, long claimSentNanos)
    {
        HeldLease holding = new HeldLease(stateStore, lease, claimSentNanos, leaseLength, ticker, reachability, Thread.currentThread());
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

    /** Whether the state store answers this worker's claims and renewals. */
    public Reachability storeReachability()
    {
        return reachability;
    }

    public int held()
    {
        return held.size();
    }
}
