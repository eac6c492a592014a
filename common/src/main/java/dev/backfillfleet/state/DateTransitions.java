package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The state machine of one (table, date), decided in one place: a store reads the record in a
 * transaction, asks this class what the record becomes, and writes that back. Nothing here knows
 * how records are stored.
 *
 * <p>Attempts: a claim counts one; a date given back unfinished (shutdown, a broken environment)
 * counts it back in {@code givenBack}, so that only attempts that really ended badly (a transient
 * failure, a worker that died) use up the budget. A claim that finds the budget used up fails
 * the date with its last error instead of running it again.
 */
public final class DateTransitions
{
    private DateTransitions() {}

    /** What an enqueue does to the record: the decision, and the record to write if it queues. */
    public static Enqueued enqueue(DateKey key, Optional<DateRecord> current, String runId, EnqueuePolicy policy, Instant now)
    {
        EnqueueDecision decision = policy.decide(current);
        if (decision != EnqueueDecision.QUEUE) {
            return new Enqueued(decision, Optional.empty());
        }
        DateRecord queued = current.map(DateRecord::toBuilder).orElseGet(() -> DateRecord.builder(key, runId))
                .state(DateState.QUEUED)
                .runId(runId)
                .queuedAt(Optional.of(now))
                .clearLease()
                .startedAt(Optional.empty())
                .finishedAt(Optional.empty())
                .rows(Optional.empty(), Optional.empty())
                .duration(Optional.empty())
                .error(Optional.empty(), Optional.empty())
                .build();
        return new Enqueued(decision, Optional.of(queued));
    }

    public record Enqueued(EnqueueDecision decision, Optional<DateRecord> next) {}

    /**
     * Whether {@code owner} may run the date now: the claim's answer, and the record to write
     * (RUNNING under a new lease, or FAILED when the attempts are used up).
     *
     * @param liveLeasesOfTable dates of the table RUNNING under a live lease, read just before
     */
    public static Claimed claim(Optional<DateRecord> current, WorkItem item, String owner, Instant now, Duration leaseLength,
            long liveLeasesOfTable, int maxRunningPerTable, int maxAttempts)
    {
        if (current.isPresent()) {
            DateRecord record = current.get();
            if (record.state().isTerminal()) {
                return new Claimed(new ClaimResult.AlreadyTerminal(record.state()), Optional.empty());
            }
            if (record.isLeasedAt(now)) {
                return new Claimed(new ClaimResult.HeldByOther(record.leaseOwner().orElseThrow(), record.leaseExpiresAt().orElseThrow()), Optional.empty());
            }
            if (record.attemptsUsed() >= maxAttempts) {
                DateRecord failed = gaveUp(record, now);
                return new Claimed(new ClaimResult.AttemptsExhausted(record.attemptsUsed(), failed.errorMessage().orElseThrow()), Optional.of(failed));
            }
        }
        if (liveLeasesOfTable >= maxRunningPerTable) {
            return new Claimed(new ClaimResult.TableAtCapacity(Math.toIntExact(liveLeasesOfTable)), Optional.empty());
        }
        DateRecord.Builder builder = current.map(DateRecord::toBuilder).orElseGet(() -> DateRecord.builder(item.key(), item.runId()));
        int attempt = current.map(DateRecord::attempts).orElse(0) + 1;
        Instant expiresAt = now.plus(leaseLength);
        DateRecord running = builder.state(DateState.RUNNING)
                .attempts(attempt)
                .lease(owner, expiresAt)
                .startedAt(Optional.of(now))
                .finishedAt(Optional.empty())
                .build();
        return new Claimed(new ClaimResult.Claimed(new Lease(item.key(), owner, attempt, now, expiresAt)), Optional.of(running));
    }

    public record Claimed(ClaimResult result, Optional<DateRecord> next) {}

    private static DateRecord gaveUp(DateRecord record, Instant now)
    {
        String last = record.errorMessage().orElse(record.state() == DateState.RUNNING
                ? "the lease of attempt " + record.attempts() + " expired: its worker died or hung"
                : "no error recorded");
        return record.toBuilder()
                .state(DateState.FAILED)
                .clearLease()
                .finishedAt(Optional.of(now))
                .error(Optional.of(record.errorClass().orElse(ErrorClass.TRANSIENT)),
                        Optional.of("gave up after " + record.attemptsUsed() + " attempts; the last: " + last))
                .build();
    }

    /** The record with the lease extended to {@code expiresAt}; throws if {@code lease} no longer holds it. */
    public static DateRecord heartbeat(Optional<DateRecord> current, Lease lease, Instant expiresAt)
    {
        return held(current, lease).toBuilder().lease(lease.owner(), expiresAt).build();
    }

    public static DateRecord complete(Optional<DateRecord> current, Lease lease, Completion completion, Instant now)
    {
        return held(current, lease).toBuilder()
                .state(completion.outcome())
                .clearLease()
                .finishedAt(Optional.of(now))
                .rows(Optional.of(completion.rowsWritten()), Optional.of(completion.rowsExpected()))
                .duration(Optional.of(completion.duration()))
                .error(Optional.empty(), Optional.empty())
                .build();
    }

    public static DateRecord fail(Optional<DateRecord> current, Lease lease, ErrorClass errorClass, String message, Instant now)
    {
        DateRecord record = held(current, lease);
        return record.toBuilder()
                .state(DateState.FAILED)
                .clearLease()
                .finishedAt(Optional.of(now))
                .duration(record.startedAt().map(started -> Duration.between(started, now)))
                .error(Optional.of(errorClass), Optional.of(message))
                .build();
    }

    /** Back to QUEUED after a failure that may pass: the attempt counts. */
    public static DateRecord release(Optional<DateRecord> current, Lease lease, Optional<ErrorClass> errorClass, Optional<String> message)
    {
        return held(current, lease).toBuilder().state(DateState.QUEUED).clearLease().error(errorClass, message).build();
    }

    /** Back to QUEUED unfinished, through no fault of the date (shutdown, a broken environment): the attempt does not count. */
    public static DateRecord giveBack(Optional<DateRecord> current, Lease lease)
    {
        DateRecord record = held(current, lease);
        return record.toBuilder().state(DateState.QUEUED).clearLease().givenBack(record.givenBack() + 1).build();
    }

    /** A dead-lettered message's date: FAILED unless it is already terminal (empty: nothing changes). */
    public static Optional<DateRecord> undeliverable(Optional<DateRecord> current, DateKey key, String runId, String message, Instant now)
    {
        if (current.isPresent() && current.get().state().isTerminal()) {
            return Optional.empty();
        }
        return Optional.of(current.map(DateRecord::toBuilder).orElseGet(() -> DateRecord.builder(key, runId))
                .state(DateState.FAILED)
                .clearLease()
                .finishedAt(Optional.of(now))
                .error(Optional.of(ErrorClass.TRANSIENT), Optional.of(message))
                .build());
    }

    /** The record if {@code lease} still holds it: RUNNING, same owner, same attempt; else the holder is fenced off. */
    private static DateRecord held(Optional<DateRecord> current, Lease lease)
    {
        if (current.isEmpty()) {
            throw new LeaseLostException(lease, "no record");
        }
        DateRecord record = current.get();
        if (record.state() != DateState.RUNNING || record.attempts() != lease.attempt() || !record.leaseOwner().equals(Optional.of(lease.owner()))) {
            throw new LeaseLostException(lease, "record is " + record.state() + " at attempt " + record.attempts()
                    + record.leaseOwner().map(owner -> " held by " + owner).orElse(""));
        }
        return record;
    }
}
