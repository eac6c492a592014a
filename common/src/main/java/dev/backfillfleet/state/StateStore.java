package dev.backfillfleet.state;

import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The distributed checkpoint: one record per (table, date). Every state change re-reads the
 * record, applies {@link DateTransitions}, the state machine, and writes the result only if the
 * record did not change in between (a SQLite transaction; on Firestore a write under an
 * update-time precondition, decided again when it fails); lease-holder changes are fenced by
 * owner and attempt. Written once, for every backend, by {@link TransitioningStateStore} over a
 * {@link StateStorage}. The paused tables and the run log, kept beside the records, are ports of
 * their own ({@link TablePauses}, {@link RunLog}).
 */
public interface StateStore
        extends StateQueries
{
    /** Marks the keys the policy allows as QUEUED for {@code runId}, one batch of reads and conditional writes at a time. */
    EnqueueResult enqueue(Collection<DateKey> keys, String runId, EnqueuePolicy policy);

    /**
     * Takes the date for a new attempt under a lease of {@code leaseLength}, if it may be run now;
     * a date whose {@code maxAttempts} are used up is FAILED instead (answered AlreadyTerminal).
     */
    ClaimResult claim(WorkItem item, String owner, Duration leaseLength, int maxRunningPerTable, int maxAttempts);

    /** A claim with no attempt budget: for tests and tools. */
    default ClaimResult claim(WorkItem item, String owner, Duration leaseLength, int maxRunningPerTable)
    {
        return claim(item, owner, leaseLength, maxRunningPerTable, Integer.MAX_VALUE);
    }

    /**
     * Cancels the dates that have not started (PENDING, QUEUED: now CANCELLED) and asks running
     * ones to end as {@code request} says (see {@link DateTransitions#cancel}), one batch of reads
     * and conditional writes at a time. Terminal dates are left as they are.
     */
    CancelResult cancel(Collection<DateKey> keys, CancelRequest request);

    /**
     * Extends a live lease; throws {@link LeaseLostException} if the holder was fenced off, and
     * {@link DateCancelledException} (after recording the date CANCELLED) if an operator cancelled
     * it with {@code --now}.
     */
    Lease heartbeat(Lease lease, Duration leaseLength);

    /** Records a verified success; throws {@link LeaseLostException} if the holder was fenced off. */
    void complete(Lease lease, Completion completion);

    /** Records a permanent failure; throws {@link LeaseLostException} if the holder was fenced off. */
    void fail(Lease lease, ErrorClass errorClass, String message);

    /** Gives the date back (QUEUED, or CANCELLED if it was cancelled meanwhile) for a later delivery after a failure that may pass, keeping its error; the attempt counts. */
    void release(Lease lease, Optional<ErrorClass> errorClass, Optional<String> message);

    /** Gives the date back (QUEUED, or CANCELLED if it was cancelled meanwhile) unfinished through no fault of its own (shutdown, a broken environment): the attempt does not count. */
    void giveBack(Lease lease);

    /**
     * Decides what a dead-lettered message of the date means (see {@link DateTransitions#deadLettered}):
     * never a failure; records the date CANCELLED when it was cancelled while it ran and its worker is gone.
     */
    DeadLetterDecision settleDeadLetter(DateKey key);
}
