package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.state.DateTransitions.Decided;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The state store of every backend: each of its writes is one {@link DateTransitions} decision
 * applied through the storage's read-decide-write primitive ({@link StateStorage}), and its
 * reads are the storage's queries. Closing it closes the storage.
 */
public final class TransitioningStateStore
        implements StateStore, AutoCloseable
{
    private final StateStorage storage;

    public TransitioningStateStore(StateStorage storage)
    {
        this.storage = requireNonNull(storage, "storage is null");
    }

    @Override
    public EnqueueResult enqueue(Collection<DateKey> keys, String runId, EnqueuePolicy policy)
    {
        return new EnqueueResult(storage.updateEach("enqueue", keys, (key, current, now) -> DateTransitions.enqueue(key, current, runId, policy, now)));
    }

    @Override
    public CancelResult cancel(Collection<DateKey> keys, CancelRequest request)
    {
        return new CancelResult(storage.updateEach("cancel", keys, (key, current, now) -> DateTransitions.cancel(key, current, request, now)));
    }

    @Override
    public ClaimResult claim(WorkItem item, String owner, Duration leaseLength, int maxRunningPerTable, int maxAttempts)
    {
        return storage.updateCounted("claim", item.key(), maxRunningPerTable, (current, now, liveLeases) -> {
            DateTransitions.Claimed claimed = DateTransitions.claim(current, item, owner, now, leaseLength, liveLeases, maxRunningPerTable, maxAttempts);
            return new Decided<>(claimed.result(), claimed.next());
        });
    }

    @Override
    public Lease heartbeat(Lease lease, Duration leaseLength)
    {
        DateTransitions.Renewal renewal = storage.update("heartbeat", lease.key(), (key, current, now) -> {
            DateTransitions.Renewal renewed = DateTransitions.heartbeat(current, lease, now.plus(leaseLength), now);
            return new Decided<>(renewed, Optional.of(renewed.next()));
        });
        if (renewal.cancelled()) {
            throw new DateCancelledException(lease);
        }
        return lease.withExpiry(renewal.next().leaseExpiresAt().orElseThrow());
    }

    @Override
    public void complete(Lease lease, Completion completion)
    {
        storage.update("complete", lease.key(), (key, current, now) -> written(DateTransitions.complete(current, lease, completion, now)));
    }

    @Override
    public void fail(Lease lease, ErrorClass errorClass, String message)
    {
        storage.update("fail", lease.key(), (key, current, now) -> written(DateTransitions.fail(current, lease, errorClass, message, now)));
    }

    @Override
    public void release(Lease lease, Optional<ErrorClass> errorClass, Optional<String> message)
    {
        storage.update("release", lease.key(), (key, current, now) -> written(DateTransitions.release(current, lease, errorClass, message, now)));
    }

    @Override
    public void giveBack(Lease lease)
    {
        storage.update("give-back", lease.key(), (key, current, now) -> written(DateTransitions.giveBack(current, lease, now)));
    }

    @Override
    public DeadLetterDecision settleDeadLetter(DateKey key)
    {
        return storage.update("settle-dead-letter", key, (ignored, current, now) -> DateTransitions.deadLettered(current, now));
    }

    private static Decided<Boolean> written(DateRecord next)
    {
        return new Decided<>(true, Optional.of(next));
    }

    @Override
    public Optional<DateRecord> get(DateKey key)
    {
        return storage.get(key);
    }

    @Override
    public Map<DateKey, DateRecord> getAll(Collection<DateKey> keys)
    {
        return storage.getAll(keys);
    }

    @Override
    public List<DateRecord> list(AnalyticsTable table, Optional<DateRange> range, Set<DateState> states)
    {
        return storage.list(table, range, states);
    }

    @Override
    public Map<DateState, Long> countByState(AnalyticsTable table, Optional<DateRange> range)
    {
        return storage.countByState(table, range);
    }

    @Override
    public long countFinishedSince(AnalyticsTable table, Instant since)
    {
        return storage.countFinishedSince(table, since);
    }

    @Override
    public RunSummary summarizeRun(String runId)
    {
        return storage.summarizeRun(runId);
    }

    @Override
    public Map<DateState, Long> countByRun(String runId, AnalyticsTable table)
    {
        return storage.countByRun(runId, table);
    }

    @Override
    public List<DateRecord> listRun(String runId, AnalyticsTable table, Set<DateState> states)
    {
        return storage.listRun(runId, table, states);
    }

    @Override
    public void close()
    {
        storage.close();
    }
}
