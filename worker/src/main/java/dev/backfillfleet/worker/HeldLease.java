package dev.backfillfleet.worker;

import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.state.DateCancelledException;
import dev.backfillfleet.state.DateTransitions;
import dev.backfillfleet.state.LeaseLostException;
import dev.backfillfleet.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The lease of one running date, renewed every third of its length. When a renewal finds it
 * taken over (or cannot renew it before it expires), the lease is lost and the thread running
 * the date is interrupted, so that the work stops and its result is thrown away; so it is when
 * a renewal finds that an operator cancelled the date with {@code --now} (the renewal recorded
 * it CANCELLED). A stop request (shutdown, a broken environment) interrupts the thread the same
 * way, to give the date back.
 */
public final class HeldLease
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(HeldLease.class);

    private final StateStore stateStore;
    private final Duration leaseLength;
    private final Clock clock;
    private final Thread runner;
    private Lease lease;
    private Optional<String> lost = Optional.empty();
    private boolean cancelled;
    private boolean closed;
    private boolean interruptedRunner;
    private Optional<String> stopRequested = Optional.empty();
    private Scheduler.Cancellable renewals = () -> {};
    private Runnable onClose = () -> {};

    HeldLease(StateStore stateStore, Lease lease, Duration leaseLength, Clock clock, Thread runner)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.leaseLength = requireNonNull(leaseLength, "leaseLength is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.runner = requireNonNull(runner, "runner is null");
    }

    void renewEvery(Scheduler scheduler, Runnable whenClosed)
    {
        onClose = whenClosed;
        renewals = scheduler.every(leaseLength.dividedBy(3), this::renewQuietly);
    }

    public synchronized Lease current()
    {
        return lease;
    }

    public synchronized Optional<String> lost()
    {
        return lost;
    }

    /** Lost because an operator cancelled the date ({@code cancel --now}): it is recorded CANCELLED. */
    public synchronized boolean cancelled()
    {
        return cancelled;
    }

    public synchronized Optional<String> stopRequested()
    {
        return stopRequested;
    }

    /**
     * Proves the lease for a write about to happen, which may land only under a live lease with
     * more than {@code needed} of it left. A lease with that much left plus a renewal period (so
     * any lease whose renewals are on time) is proved by reading its record, which sees what a
     * renewal would (another holder, a cancel); a lease short of time, or a record a renewal must
     * act on, is renewed. A read costs less than a renewal's write: no write lock on SQLite, one
     * round trip instead of a transaction's three on Firestore.
     */
    public synchronized Lease proveFor(Duration needed)
    {
        if (lost.isPresent()) {
            throw new LeaseLostException(lease, lost.get());
        }
        Duration left = Duration.between(clock.instant(), lease.expiresAt());
        if (left.compareTo(needed.plus(leaseLength.dividedBy(3))) > 0 && DateTransitions.heldAsIs(stateStore.get(lease.key()), lease)) {
            return lease;
        }
        return renewNow();
    }

    /** Renews now; throws, and marks the lease lost, when it no longer holds the date. */
    public synchronized Lease renewNow()
    {
        if (lost.isPresent()) {
            throw new LeaseLostException(lease, lost.get());
        }
        try {
            lease = stateStore.heartbeat(lease, leaseLength);
            return lease;
        }
        catch (LeaseLostException e) {
            markLost(e);
            throw e;
        }
    }

    private void renewQuietly()
    {
        synchronized (this) {
            if (lost.isPresent() || closed) {
                return;
            }
            try {
                lease = stateStore.heartbeat(lease, leaseLength);
                return;
            }
            catch (LeaseLostException e) {
                markLost(e);
            }
            catch (RuntimeException e) {
                if (clock.instant().isBefore(lease.expiresAt())) {
                    log.warn("lease renewal for {} failed, trying again: {}", lease.key(), e.getMessage());
                    return;
                }
                markLost("not renewed before it expired at " + lease.expiresAt() + ": " + e.getMessage());
            }
            interruptRunner();
        }
    }

    /**
     * Interrupts the thread running the date, under the lock that {@link #close} takes: a renewal
     * that ran while the date was finishing cannot reach the thread once it has moved on to
     * another delivery, and close clears what reached it before.
     */
    private void interruptRunner()
    {
        if (!closed) {
            interruptedRunner = true;
            runner.interrupt();
        }
    }

    private void markLost(LeaseLostException e)
    {
        cancelled |= lost.isEmpty() && e instanceof DateCancelledException;
        markLost(e.getMessage());
    }

    private void markLost(String reason)
    {
        if (lost.isEmpty()) {
            log.warn("{}; stopping this attempt and discarding its result", reason);
            lost = Optional.of(reason);
        }
    }

    /** Asks the running date to stop and be given back, e.g. on shutdown. */
    public synchronized void requestStop(String reason)
    {
        if (stopRequested.isPresent() || closed) {
            return;
        }
        stopRequested = Optional.of(reason);
        interruptRunner();
    }

    /** Stops the renewals; called by the thread that ran the date, which leaves with no interrupt of this lease's pending. */
    @Override
    public void close()
    {
        renewals.cancel();
        synchronized (this) {
            closed = true;
            if (interruptedRunner && Thread.currentThread() == runner) {
                Thread.interrupted();
            }
        }
        onClose.run();
    }
}
