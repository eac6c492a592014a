package dev.backfillfleet.coordinator.plan;

import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.state.StateStore;
import dev.backfillfleet.cli.ExitCodes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns a request into QUEUED records and one message per (table, date). Records first, then
 * messages, so that a crash or a failed publish in between leaves dates QUEUED, never lost: an
 * enqueue of the same range publishes again every date of it that is QUEUED or RUNNING (its
 * message may have died with a crash, a failed publish or a deleted subscription). A duplicate
 * message is harmless: the claim lets one delivery run the date, and a done date's is acked
 * without work. So running the same command again finishes any enqueue that did not.
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
        publish(inFlight(result), runId);
        return result;
    }

    /** Every date the enqueue left QUEUED or found QUEUED or RUNNING: the dates that need (or may need) a message. */
    public static List<DateKey> inFlight(EnqueueResult result)
    {
        List<DateKey> keys = new java.util.ArrayList<>(result.queued());
        keys.addAll(result.keysWith(EnqueueDecision.SKIP_QUEUED));
        keys.addAll(result.keysWith(EnqueueDecision.SKIP_RUNNING));
        return keys;
    }

    /** Publishes in batches; a failure says how far it got, and that the same command finishes the job. */
    public void publish(List<DateKey> keys, String runId)
    {
        for (int start = 0; start < keys.size(); start += PUBLISH_BATCH) {
            List<WorkItem> batch = keys.subList(start, Math.min(keys.size(), start + PUBLISH_BATCH)).stream()
                    .map(key -> new WorkItem(key.table(), key.date(), runId))
                    .toList();
            try {
                queue.publish(batch);
            }
            catch (RuntimeException e) {
                String progress = "published " + start + " of " + keys.size() + " messages, then: " + ExitCodes.messageOf(e)
                        + ". Every date is recorded QUEUED: run the same command again to publish the rest";
                throw new FleetException(FleetException.classify(e), progress, e);
            }
        }
    }

    /** What an enqueue would do, computed from a read of the records only: writes nothing anywhere. */
    public static EnqueueResult plan(EnqueueRequest request, StateStore stateStore)
    {
        List<DateKey> keys = request.keys();
        Map<DateKey, DateRecord> records = stateStore.getAll(keys);
        Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
        keys.forEach(key -> decisions.put(key, request.policy().decide(Optional.ofNullable(records.get(key)))));
        return new EnqueueResult(decisions);
    }
}
