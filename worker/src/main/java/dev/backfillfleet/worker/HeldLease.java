package dev.backfillfleet.worker;

import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.state.DateCancelledException;
import dev.backfillfleet.state.DateTransitions;
import dev.backfillfleet.state.LeaseLostException;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.support.Ticker;
import dev.backfillfleet.support.Reachability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The lease of one running date, renewed every third of its length. How much of it is left is
 * measured on this process's monotonic clock, never by comparing the record's expiry (the
 * store's time) with this machine's clock: a grant lasts {@code leaseLength} from the moment the
 * claim or renewal that got it was SENT, a conservative bound since the store decided after
 * that (docs/clocks-and-faults.md). A skewed wall clock thus neither shortens nor stretches it. When a renewal finds it
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
    private final Ticker ticker;
    private final Reachability reachability;
    private final Thread runner;
    private Lease lease;
    private long deadlineNanos;
    private boolean expiredUnrenewed;
    private Optional<String> lost = Optional.empty();
    private boolean cancelled;
    private boolean closed;
    private boolean interruptedRunner;
    private Optional<String> stopRequested = Optional.empty();
    private Scheduler.Cancellable renewals = () -> {};
    private Runnable onClose = () -> {};

    /** @param claimSentNanos the ticker's time when the claim that granted {@code lease} was sent */
    HeldLease(StateStore stateStore, Lease lease, long claimSentNanos, Duration leaseLength, Ticker ticker, Reachability reachability, Thread runner)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.leaseLength = requireNonNull(leaseLength, "leaseLength is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.reachability = requireNonNull(reachability, "reachability is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.deadlineNanos = claimSentNanos + leaseLength.toNanos();
    }

    /** How much of the lease is surely left, by this process's monotonic clock; negative once it may have expired. */
    public synchronized Duration timeLeft()
    {
        return Duration.ofNanos(deadlineNanos - ticker.nanos());
    }

    /**
     * Lost because no renewal got through before the lease could have expired (the store out of
     * reach): whether another worker took the date over is unknown, so its message must go back
     * to the queue rather than be acknowledged.
     */
    public synchronized boolean expiredUnrenewed()
    {
        return expiredUnrenewed;
    }

    private void renewed(long sentNanos, Lease renewedLease)
    {
        lease = renewedLease;
        deadlineNanos = Math.max(deadlineNanos, sentNanos + leaseLength.toNanos());
        reachability.reached();
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
        if (timeLeft().compareTo(needed.plus(leaseLength.dividedBy(3))) > 0 && DateTransitions.heldAsIs(stateStore.get(lease.key()), lease)) {
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
        long sent = ticker.nanos();
        try {
            renewed(sent, stateStore.heartbeat(lease, leaseLength));
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
            long sent = ticker.nanos();
            try {
                renewed(sent, stateStore.heartbeat(lease, leaseLength));
                return;
            }
            catch (LeaseLostException e) {
                markLost(e);
            }
            catch (RuntimeException e) {
                // one line per outage, not one per date and renewal
                reachability.unreachable(e);
                if (timeLeft().compareTo(Duration.ZERO) > 0) {
                    log.debug("lease renewal for {} failed, trying again: {}", lease.key(), e.getMessage());
                    return;
                }
                expiredUnrenewed = true;
                markLost("not renewed within its " + leaseLength.toSeconds() + " s (" + e.getMessage() + ")");
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
            if (expiredUnrenewed) {
                // a consequence of the outage the reachability reported in one line: not one warning per date
                log.info("{}; stopping this attempt and discarding its result", reason);
            }
            else {
                log.warn("{}; stopping this attempt and discarding its result", reason);
            }
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
