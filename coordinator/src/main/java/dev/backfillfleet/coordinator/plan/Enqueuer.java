package dev.backfillfleet.coordinator.plan;

import dev.backfillfleet.cli.ExitCodes;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.queue.WorkQueue;
import dev.backfillfleet.state.EnqueueResult;
import dev.backfillfleet.state.RunLog;
import dev.backfillfleet.state.StateStore;

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
    private final RunLog runLog;
    private final WorkQueue queue;

    public Enqueuer(StateStore stateStore, RunLog runLog, WorkQueue queue)
    {
        this.stateStore = requireNonNull(stateStore, "stateStore is null");
        this.runLog = requireNonNull(runLog, "runLog is null");
        this.queue = requireNonNull(queue, "queue is null");
    }

    public EnqueueResult enqueue(EnqueueRequest request, BackfillRun run)
    {
        return enqueue(request.keys(), request.policy(), run);
    }

    /** Records the run, then the dates QUEUED under its id, then publishes. */
    public EnqueueResult enqueue(List<DateKey> keys, EnqueuePolicy policy, BackfillRun run)
    {
        runLog.recordRun(run);
        EnqueueResult result = stateStore.enqueue(keys, run.id(), policy);
        publish(inFlight(result), run.id());
        return result;
    }

    /**
     * Publishes a message again for each record (QUEUED or RUNNING dates, e.g. of a table whose
     * messages were dropped while it was paused), under the run id it carries.
     */
    public void republish(List<DateRecord> records)
    {
        Map<String, List<DateKey>> byRun = new java.util.LinkedHashMap<>();
        records.forEach(record -> byRun.computeIfAbsent(record.runId().isBlank() ? "republished" : record.runId(), ignored -> new java.util.ArrayList<>())
                .add(record.key()));
        byRun.forEach((runId, keys) -> publish(keys, runId));
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
        return plan(request.keys(), request.policy(), stateStore);
    }

    public static EnqueueResult plan(List<DateKey> keys, EnqueuePolicy policy, StateStore stateStore)
    {
        Map<DateKey, DateRecord> records = stateStore.getAll(keys);
        Map<DateKey, EnqueueDecision> decisions = new HashMap<>();
        keys.forEach(key -> decisions.put(key, policy.decide(Optional.ofNullable(records.get(key)))));
        return new EnqueueResult(decisions);
    }
}
