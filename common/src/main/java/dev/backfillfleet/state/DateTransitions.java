package dev.backfillfleet.state;

import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The state machine of one (table, date), decided in one place: a store reads the record, asks
 * this class what the record becomes, and writes that back only if the record is still the one
 * it read (a transaction, or a conditional write). Nothing here knows how records are stored.
 *
 * <p>Attempts: a claim counts one; a date given back unfinished (shutdown, a broken environment)
 * counts it back in {@code givenBack}, so that only attempts that really ended badly (a transient
 * failure, a worker that died) use up the budget. A claim that finds the budget used up fails
 * the date with its last error instead of running it again.
 *
 * <p>Cancel: a PENDING or QUEUED date becomes CANCELLED at once (its message is acknowledged
 * without work when it comes). A RUNNING date keeps its lease and gets a {@link CancelRequest}:
 * the attempt's result stands if it finishes, but a release or give-back cancels the date
 * instead of queueing it; with {@link CancelRequest#NOW} the holder's next lease renewal, which
 * the write also needs, cancels it and stops the attempt, so that nothing is written after it.
 */
public final class DateTransitions
{
    private DateTransitions() {}

    /** What an enqueue does to the record: the decision, and the record to write if it queues. */
    public static Decided<EnqueueDecision> enqueue(DateKey key, Optional<DateRecord> current, String runId, EnqueuePolicy policy, Instant now)
    {
        EnqueueDecision decision = policy.decide(current);
        if (decision != EnqueueDecision.QUEUE) {
            return new Decided<>(decision, Optional.empty());
        }
        // a date queued again after it ended (retry of a FAILED date, --force) gets a fresh attempt
        // budget: its earlier attempts count as given back. The count itself keeps growing: it is
        // the lease's fencing token and part of the load job's id
        DateRecord.Builder builder = current.map(DateRecord::toBuilder).orElseGet(() -> DateRecord.builder(key, runId));
        if (current.isPresent() && current.get().state().isTerminal()) {
            builder.givenBack(current.get().attempts());
        }
        DateRecord queued = builder
                .state(DateState.QUEUED)
                .runId(runId)
                .queuedAt(Optional.of(now))
                .clearLease()
                .startedAt(Optional.empty())
                .finishedAt(Optional.empty())
                .rows(Optional.empty(), Optional.empty())
                .definitionVersion(Optional.empty())
                .duration(Optional.empty())
                .error(Optional.empty(), Optional.empty())
                .cancelRequest(Optional.empty())
                .build();
        return new Decided<>(decision, Optional.of(queued));
    }

    /** What a batch operation decided for one key, and the record to write if it changes. */
    public record Decided<D>(D decision, Optional<DateRecord> next) {}

    /**
     * What a cancel does to the record: PENDING (or no record) and QUEUED become CANCELLED; a
     * RUNNING date whose lease expired (its worker died) too; a live RUNNING one gets the
     * request and is left to its worker; terminal dates stay as they are.
     */
    public static Decided<CancelDecision> cancel(DateKey key, Optional<DateRecord> current, CancelRequest request, Instant now)
    {
        DateState state = current.map(DateRecord::state).orElse(DateState.PENDING);
        return switch (state) {
            case PENDING, QUEUED -> new Decided<>(CancelDecision.CANCELLED,
                    Optional.of(cancelled(current.map(DateRecord::toBuilder).orElseGet(() -> DateRecord.builder(key, "")), now).build()));
            case RUNNING -> {
                DateRecord record = current.orElseThrow();
                if (!record.isLeasedAt(now)) {
                    yield new Decided<>(CancelDecision.CANCELLED, Optional.of(cancelled(record.toBuilder(), now).build()));
                }
                CancelRequest stronger = record.cancelRequest().filter(CancelRequest.NOW::equals).orElse(request);
                yield new Decided<>(stronger == CancelRequest.NOW ? CancelDecision.STOP_REQUESTED : CancelDecision.FINISHES_FIRST,
                        Optional.of(record.toBuilder().cancelRequest(Optional.of(stronger)).build()));
            }
            case SUCCEEDED, NO_GAMES, FAILED, CANCELLED -> new Decided<>(CancelDecision.ALREADY_TERMINAL, Optional.empty());
        };
    }

    private static DateRecord.Builder cancelled(DateRecord.Builder builder, Instant now)
    {
        return builder.state(DateState.CANCELLED)
                .clearLease()
                .finishedAt(Optional.of(now))
                .error(Optional.empty(), Optional.empty())
                .cancelRequest(Optional.empty());
    }

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
            if (record.cancelRequest().isPresent()) {
                // cancelled while it ran, and its worker died: nothing is left to finish
                return new Claimed(new ClaimResult.AlreadyTerminal(DateState.CANCELLED), Optional.of(cancelled(record.toBuilder(), now).build()));
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

    /**
     * Whether {@code lease} still holds the date with nothing for a renewal to record: running
     * under this owner and attempt, with no {@code cancel --now} waiting. Reading this is enough
     * to prove a lease that has time left; anything else is for {@link #heartbeat} to decide.
     */
    public static boolean heldAsIs(Optional<DateRecord> current, Lease lease)
    {
        return current.filter(record -> record.state() == DateState.RUNNING
                        && record.attempts() == lease.attempt()
                        && record.leaseOwner().equals(Optional.of(lease.owner()))
                        && record.cancelRequest().isEmpty())
                .isPresent();
    }

    /**
     * The record with the lease extended to {@code expiresAt}, or, when an operator cancelled the
     * date with {@link CancelRequest#NOW}, CANCELLED (the interrupted attempt given back, since
     * it is not the date's fault); throws if {@code lease} no longer holds it.
     */
    public static Renewal heartbeat(Optional<DateRecord> current, Lease lease, Instant expiresAt, Instant now)
    {
        DateRecord record = held(current, lease);
        if (record.cancelRequest().equals(Optional.of(CancelRequest.NOW))) {
            DateRecord cancelled = cancelled(record.toBuilder(), now)
                    .givenBack(record.givenBack() + 1)
                    .duration(record.startedAt().map(started -> Duration.between(started, now)))
                    .build();
            return new Renewal(cancelled, true);
        }
        return new Renewal(record.toBuilder().lease(lease.owner(), expiresAt).build(), false);
    }

    /** What a renewal writes; {@code cancelled}: the holder must stop (the store throws {@link DateCancelledException} after writing). */
    public record Renewal(DateRecord next, boolean cancelled) {}

    public static DateRecord complete(Optional<DateRecord> current, Lease lease, Completion completion, Instant now)
    {
        return held(current, lease).toBuilder()
                .state(completion.outcome())
                .clearLease()
                .finishedAt(Optional.of(now))
                .rows(Optional.of(completion.rowsWritten()), Optional.of(completion.rowsExpected()))
                .duration(Optional.of(completion.duration()))
                .definitionVersion(Optional.of(completion.definitionVersion()))
                .error(Optional.empty(), Optional.empty())
                .cancelRequest(Optional.empty())
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
                .cancelRequest(Optional.empty())
                .build();
    }

    /** Back to QUEUED after a failure that may pass: the attempt counts. A date cancelled while it ran is CANCELLED instead. */
    public static DateRecord release(Optional<DateRecord> current, Lease lease, Optional<ErrorClass> errorClass, Optional<String> message, Instant now)
    {
        DateRecord record = held(current, lease);
        if (record.cancelRequest().isPresent()) {
            return cancelled(record.toBuilder(), now).build();
        }
        return record.toBuilder().state(DateState.QUEUED).clearLease().error(errorClass, message).build();
    }

    /**
     * Back to QUEUED unfinished, through no fault of the date (shutdown, a broken environment):
     * the attempt does not count. A date cancelled while it ran is CANCELLED instead.
     */
    public static DateRecord giveBack(Optional<DateRecord> current, Lease lease, Instant now)
    {
        DateRecord record = held(current, lease);
        DateRecord.Builder next = record.toBuilder().givenBack(record.givenBack() + 1);
        if (record.cancelRequest().isPresent()) {
            return cancelled(next, now).build();
        }
        return next.state(DateState.QUEUED).clearLease().build();
    }

    /**
     * What a dead-lettered message of the date means. The queue dead-letters a message after a
     * number of deliveries, and on Pub/Sub every wait counts as one, so a dead letter says only
     * that the date waited long: it never fails the date. A date that still needs running gets
     * its message published again; a terminal date's dead letter is acknowledged; a live lease's
     * holder has its own message; a date cancelled while it ran whose lease expired is CANCELLED
     * now (the record to write). No record (a store wiped after the publish) is run again too: the
     * claim creates it.
     */
    public static Decided<DeadLetterDecision> deadLettered(Optional<DateRecord> current, Instant now)
    {
        if (current.isEmpty()) {
            return new Decided<>(DeadLetterDecision.PUBLISH_AGAIN, Optional.empty());
        }
        DateRecord record = current.get();
        if (record.state().isTerminal()) {
            return new Decided<>(DeadLetterDecision.ALREADY_TERMINAL, Optional.empty());
        }
        if (record.isLeasedAt(now)) {
            return new Decided<>(DeadLetterDecision.HELD_BY_LIVE_LEASE, Optional.empty());
        }
        if (record.cancelRequest().isPresent()) {
            return new Decided<>(DeadLetterDecision.CANCELLED, Optional.of(cancelled(record.toBuilder(), now).build()));
        }
        return new Decided<>(DeadLetterDecision.PUBLISH_AGAIN, Optional.empty());
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
