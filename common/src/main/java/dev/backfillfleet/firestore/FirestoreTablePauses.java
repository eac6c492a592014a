package dev.backfillfleet.firestore;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.cloud.firestore.TransactionOptions;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.TablePause;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.state.TablePauses;

import java.util.EnumMap;
import java.util.Map;

import static dev.backfillfleet.firestore.FirestoreClient.await;
import static java.util.Objects.requireNonNull;

/**
 * The paused tables as Firestore documents beside the state records, one per table
 * ({@code <collection>_paused_tables}, id: the table's name); a pause and a resume are each a
 * transaction that reads the document first.
 */
public final class FirestoreTablePauses
        implements TablePauses, StartupCheck
{
    private final FirestoreClient client;
    private final String collection;
    private final TransactionOptions transactionOptions;

    public FirestoreTablePauses(FirestoreClient client, String stateCollection, int transactionAttempts)
    {
        this.client = requireNonNull(client, "client is null");
        this.collection = pausedCollection(requireNonNull(stateCollection, "stateCollection is null"));
        this.transactionOptions = TransactionOptions.createReadWriteOptionsBuilder().setNumberOfAttempts(transactionAttempts).build();
    }

    /** The collection of paused tables, next to the state records: {@code backfill_dates_paused_tables}. */
    public static String pausedCollection(String stateCollection)
    {
        return stateCollection + "_paused_tables";
    }

    @Override
    public TablePause pause(TablePause pause)
    {
        DocumentReference document = document(pause.table());
        return await("pause of " + pause.table().tableName(), client.get().runTransaction(transaction -> {
            DocumentSnapshot existing = transaction.get(document).get();
            if (existing.exists()) {
                return ControlDocuments.readPause(existing);
            }
            transaction.create(document, ControlDocuments.writePause(pause));
            return pause;
        }, transactionOptions));
    }

    @Override
    public boolean resume(AnalyticsTable table)
    {
        DocumentReference document = document(table);
        return await("resume of " + table.tableName(), client.get().runTransaction(transaction -> {
            boolean paused = transaction.get(document).get().exists();
            if (paused) {
                transaction.delete(document);
            }
            return paused;
        }, transactionOptions));
    }

    @Override
    public Map<AnalyticsTable, TablePause> pausedTables()
    {
        Map<AnalyticsTable, TablePause> pauses = new java.util.TreeMap<>();
        for (QueryDocumentSnapshot snapshot : await("list of paused tables", client.get().collection(collection).get()).getDocuments()) {
            TablePause pause = ControlDocuments.readPause(snapshot);
            pauses.put(pause.table(), pause);
        }
        return pauses;
    }

    /** Every process reads the paused tables: a worker before each date it starts. */
    @Override
    public void check(ProcessRole role)
    {
        client.check(this::pausedTables);
    }

    private DocumentReference document(AnalyticsTable table)
    {
        return client.get().collection(collection).document(table.tableName());
    }
}
