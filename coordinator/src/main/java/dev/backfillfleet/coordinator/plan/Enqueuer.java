package dev.backfillfleet.coordinator.plan;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.state.StateStore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns a request into QUEUED records and one message per (table, date). Records first, then
 * messages: a crash in between leaves QUEUED records without messages, which {@code run}
 * republishes (a duplicate message is harmless; a lost one would not be).
 */
public final class Enqueuer
{
    private static final int PUBLISH_BATCH = 1_000;

    private final StateStore stateStore;
    private final WorkQueue queue;

    public Enqueuer(StateStore stateStore, WorkQueue queue)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.queue = requireNonNull(queue, "queue is null");
    }

    public EnqueueResult enqueue(EnqueueRequest request, String runId)
    {
        EnqueueResult result = stateStore.enqueue(request.keys(), runId, request.policy());
        publish(result.queued(), runId);
        return result;
    }

    /** Publishes again the dates that are QUEUED (their message may have been lost with a crash). */
    public int republishQueued(EnqueueResult result, String runId)
    {
        List<DateKey> queued = result.keysWith(EnqueueDecision.SKIP_QUEUED);
        publish(queued, runId);
        return queued.size();
    }

    public void publish(List<DateKey> keys, String runId)
    {
        for (int start = 0; start < keys.size(); start += PUBLISH_BATCH) {
            List<WorkItem> batch = keys.subList(start, Math.min(keys.size(), start + PUBLISH_BATCH)).stream()
                    .map(key -> new WorkItem(key.table(), key.date(), runId))
                    .toList();
            queue.publish(batch);
        }
    }

    /** What an enqueue would do, computed from a read of the records only: writes nothing anywhere. */
    public static EnqueueResult plan(EnqueueRequest request, Optional<StateStore> stateStore)
    {
        List<DateKey> keys = request.keys();
        Map<DateKey, DateRecord> records = stateStore.map(store -> store.getAll(keys)).orElse(Map.of());
        Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
        keys.forEach(key -> decisions.put(key, request.policy().decide(Optional.ofNullable(records.get(key)))));
        return new EnqueueResult(decisions);
    }
}
