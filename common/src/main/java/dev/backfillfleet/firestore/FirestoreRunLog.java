package dev.backfillfleet.firestore;

import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.Query;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.state.RunLog;

import java.util.List;
import java.util.Optional;

import static dev.backfillfleet.firestore.FirestoreClient.await;
import static java.util.Objects.requireNonNull;

/** The run log as Firestore documents beside the state records, one per run ({@code <collection>_runs}, id: the run id), each written once. */
public final class FirestoreRunLog
        implements RunLog, StartupCheck
{
    private final FirestoreClient client;
    private final String collection;

    public FirestoreRunLog(FirestoreClient client, String stateCollection)
    {
        this.client = requireNonNull(client, "client is null");
        this.collection = runCollection(requireNonNull(stateCollection, "stateCollection is null"));
    }

    /** The collection of run records, next to the state records: {@code backfill_dates_runs}. */
    public static String runCollection(String stateCollection)
    {
        return stateCollection + "_runs";
    }

    @Override
    public void recordRun(BackfillRun run)
    {
        await("record of run " + run.id(), client.get().collection(collection).document(run.id()).create(ControlDocuments.writeRun(run)));
    }

    @Override
    public List<BackfillRun> runs(int limit)
    {
        Query latest = client.get().collection(collection).orderBy(ControlDocuments.CREATED_AT, Query.Direction.DESCENDING).limit(Math.max(0, limit));
        return await("list of runs", latest.get()).getDocuments().stream().map(ControlDocuments::readRun).toList();
    }

    @Override
    public Optional<BackfillRun> run(String runId)
    {
        DocumentSnapshot snapshot = await("get of run " + runId, client.get().collection(collection).document(runId).get());
        return snapshot.exists() ? Optional.of(ControlDocuments.readRun(snapshot)) : Optional.empty();
    }

    /** Operators' verbs list runs; a worker never does, and does not wait for that query's index after an upgrade. */
    @Override
    public void check(ProcessRole role)
    {
        if (role != ProcessRole.WORKER) {
            client.check(() -> runs(1));
        }
    }
}
