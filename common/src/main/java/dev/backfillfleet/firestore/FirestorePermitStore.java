package dev.backfillfleet.firestore;

import com.google.cloud.Timestamp;
import dev.backfillfleet.warehouse.PermitWindows;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.WindowedWriteGate;
import io.grpc.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import static java.util.Objects.requireNonNull;

/**
 * Write permits as Firestore documents: one per (table, window, permit), made with create(),
 * which fails ALREADY_EXISTS when another worker took it. Every document is written once, so no
 * document sees more than one write (Firestore sustains about one per second per document).
 * {@code expireAt} lets a TTL policy delete old permits (infra/ sets it up). The client is the
 * process's one {@link FirestoreClient}.
 */
public final class FirestorePermitStore
        implements WindowedWriteGate.PermitStore
{
    public static final String EXPIRE_AT = "expireAt";
    static final String TABLE = "table";
    static final String WINDOW = "window";
    static final String PERMIT = "permit";
    private static final Duration KEPT = Duration.ofDays(1);

    private final FirestoreClient client;
    private final String collection;

    public FirestorePermitStore(FirestoreClient client, String stateCollection)
    {
        this.client = requireNonNull(client, "client is null");
        this.collection = permitCollection(requireNonNull(stateCollection, "stateCollection is null"));
    }

    /** The collection next to the state records: {@code backfill_dates_write_permits}. */
    public static String permitCollection(String stateCollection)
    {
        return stateCollection + "_write_permits";
    }

    @Override
    public boolean tryTake(TableRef table, long window, int permit)
    {
        Map<String, Object> fields = fields(table, PermitWindows.start(window), permit);
        String id = table.dataset() + "." + table.table() + "__" + window + "__" + permit;
        try {
            client.get().collection(collection).document(id).create(fields).get();
            return true;
        }
        catch (ExecutionException e) {
            Optional<Status.Code> code = FirestoreFailures.statusCode(e);
            if (code.isPresent() && code.get() == Status.Code.ALREADY_EXISTS) {
                return false;
            }
            throw FirestoreFailures.translate("write permit " + id, e);
        }
        catch (InterruptedException e) {
            throw FirestoreFailures.translate("write permit " + id, e);
        }
    }

    /** A permit's document: written once, never queried (its fields are exempt from indexing: {@link FirestoreIndexes#exemptions}). */
    static Map<String, Object> fields(TableRef table, Instant windowStart, int permit)
    {
        return Map.of(
                TABLE, table.toString(),
                WINDOW, Timestamp.ofTimeSecondsAndNanos(windowStart.getEpochSecond(), 0),
                PERMIT, (long) permit,
                EXPIRE_AT, Timestamp.ofTimeSecondsAndNanos(windowStart.plus(KEPT).getEpochSecond(), 0));
    }
}
