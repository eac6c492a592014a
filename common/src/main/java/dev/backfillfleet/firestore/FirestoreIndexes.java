package dev.backfillfleet.firestore;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static dev.backfillfleet.firestore.DateDocuments.ATTEMPTS;
import static dev.backfillfleet.firestore.DateDocuments.CANCEL_REQUEST;
import static dev.backfillfleet.firestore.DateDocuments.DATE;
import static dev.backfillfleet.firestore.DateDocuments.DEFINITION_VERSION;
import static dev.backfillfleet.firestore.DateDocuments.DURATION_MS;
import static dev.backfillfleet.firestore.DateDocuments.ERROR_CLASS;
import static dev.backfillfleet.firestore.DateDocuments.ERROR_MESSAGE;
import static dev.backfillfleet.firestore.DateDocuments.FINISHED_AT;
import static dev.backfillfleet.firestore.DateDocuments.GIVEN_BACK;
import static dev.backfillfleet.firestore.DateDocuments.LEASE_EXPIRES_AT;
import static dev.backfillfleet.firestore.DateDocuments.LEASE_OWNER;
import static dev.backfillfleet.firestore.DateDocuments.QUEUED_AT;
import static dev.backfillfleet.firestore.DateDocuments.ROWS_EXPECTED;
import static dev.backfillfleet.firestore.DateDocuments.ROWS_WRITTEN;
import static dev.backfillfleet.firestore.DateDocuments.RUN_ID;
import static dev.backfillfleet.firestore.DateDocuments.STARTED_AT;
import static dev.backfillfleet.firestore.DateDocuments.STATUS;
import static dev.backfillfleet.firestore.DateDocuments.TABLE;
import static dev.backfillfleet.firestore.DateDocuments.UPDATED_AT;
import static java.util.Objects.requireNonNull;

/**
 * The composite indexes the queries of {@link FirestoreStateStorage} (and of the pauses and runs)
 * need in production: the one list
 * from which {@code infra/firestore/firestore.indexes.json} and the Terraform indexes are made
 * (a test checks both), and which {@code coordinator setup} compares with what exists. The
 * emulator needs none, so only a test that records the store's real queries
 * ({@code TestFirestoreIndexCoverage}) proves this list covers them.
 *
 * <p>Also the fields exempt from Firestore's automatic single-field indexes: every field of the
 * state records that no query filters or orders on, and every field of the write permits, which
 * are never queried. Each indexed field costs an index write per document write, and an indexed
 * value that only grows ({@code updatedAt}, {@code queuedAt}, {@code expireAt}) concentrates those
 * writes on one index range, limited to about 500 writes per second per collection; the
 * documentation advises exempting such fields when nothing queries them
 * (https://cloud.google.com/firestore/docs/best-practices#indexes,
 * https://firebase.google.com/docs/firestore/solutions/shard-timestamp). The coverage test also
 * proves that no query uses an exempt field.
 */
public final class FirestoreIndexes
{
    /** Where infra/ keeps the file that the Firebase CLI deploys. */
    public static final String INDEX_FILE = "infra/firestore/firestore.indexes.json";

    private static final List<FirestoreIndex> REQUIRED = List.of(
            // live leases of a table: table ==, status == RUNNING, leaseExpiresAt > now (count before each claim)
            FirestoreIndex.ascending(TABLE, STATUS, LEASE_EXPIRES_AT),
            // records of a table in a date range, ordered by date (status, report, verify)
            FirestoreIndex.ascending(TABLE, DATE),
            // records of a table in some states within a range, ordered by date; counts per state
            FirestoreIndex.ascending(TABLE, STATUS, DATE),
            // dates of a table that finished in the last minute (status' rate): table ==, status in, finishedAt >=
            FirestoreIndex.ascending(TABLE, STATUS, FINISHED_AT),
            // the first start of a run's dates: runId ==, startedAt > 0, ordered by startedAt
            FirestoreIndex.ascending(RUN_ID, STARTED_AT),
            // the last finish of a run's dates: runId ==, ordered by finishedAt, newest first
            new FirestoreIndex(List.of(new FirestoreIndex.Field(RUN_ID, FirestoreIndex.Order.ASCENDING),
                    new FirestoreIndex.Field(FINISHED_AT, FirestoreIndex.Order.DESCENDING))));

    // the queries use table, status, date, leaseExpiresAt, finishedAt, runId and startedAt
    private static final List<String> UNQUERIED_STATE_FIELDS = List.of(ATTEMPTS, GIVEN_BACK, LEASE_OWNER, QUEUED_AT, ROWS_WRITTEN, ROWS_EXPECTED,
            DURATION_MS, ERROR_CLASS, ERROR_MESSAGE, CANCEL_REQUEST, DEFINITION_VERSION, UPDATED_AT);
    private static final List<String> PERMIT_FIELDS = List.of(FirestorePermitStore.TABLE, FirestorePermitStore.WINDOW, FirestorePermitStore.PERMIT,
            FirestorePermitStore.EXPIRE_AT);

    private FirestoreIndexes() {}

    public static List<FirestoreIndex> required()
    {
        return REQUIRED;
    }

    /** A field with no single-field index; {@code ttl}: a TTL policy deletes documents by it (https://cloud.google.com/firestore/docs/ttl). */
    public record FieldExemption(String collectionGroup, String fieldPath, boolean ttl)
    {
        public FieldExemption
        {
            requireNonNull(collectionGroup, "collectionGroup is null");
            requireNonNull(fieldPath, "fieldPath is null");
        }
    }

    /** The exemptions of the state records in {@code collection} and of their write permits beside it. */
    public static List<FieldExemption> exemptions(String collection)
    {
        String permits = FirestorePermitStore.permitCollection(collection);
        return Stream.concat(
                UNQUERIED_STATE_FIELDS.stream().map(field -> new FieldExemption(collection, field, false)),
                PERMIT_FIELDS.stream().map(field -> new FieldExemption(permits, field, field.equals(FirestorePermitStore.EXPIRE_AT)))).toList();
    }

    /** The {@code firestore.indexes.json} the Firebase CLI deploys ({@code firebase deploy --only firestore:indexes}). */
    public static String firebaseIndexFile(String collectionGroup)
    {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document = mapper.createObjectNode();
        ArrayNode indexes = document.putArray("indexes");
        for (FirestoreIndex index : REQUIRED) {
            ObjectNode node = indexes.addObject();
            node.put("collectionGroup", collectionGroup);
            node.put("queryScope", "COLLECTION");
            ArrayNode fields = node.putArray("fields");
            index.fields().forEach(field -> fields.addObject().put("fieldPath", field.path()).put("order", field.order().name()));
        }
        // an override with no indexes exempts the field (https://firebase.google.com/docs/reference/firestore/indexes)
        ArrayNode overrides = document.putArray("fieldOverrides");
        for (FieldExemption exemption : exemptions(collectionGroup)) {
            ObjectNode node = overrides.addObject();
            node.put("collectionGroup", exemption.collectionGroup());
            node.put("fieldPath", exemption.fieldPath());
            node.put("ttl", exemption.ttl());
            node.putArray("indexes");
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return mapper.writer(printer).writeValueAsString(document).replace("\r\n", "\n") + "\n";
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the index file", e);
        }
    }

    /** The gcloud command that creates {@code index} (https://cloud.google.com/sdk/gcloud/reference/firestore/indexes/composite/create). */
    public static String createCommand(String projectId, String databaseId, String collectionGroup, FirestoreIndex index)
    {
        StringBuilder command = new StringBuilder("gcloud firestore indexes composite create --project=" + projectId
                + " --database='" + databaseId + "' --collection-group=" + collectionGroup + " --query-scope=collection");
        index.fields().forEach(field -> command.append(" --field-config=field-path=").append(field.path())
                .append(",order=").append(field.order().name().toLowerCase(Locale.ROOT)));
        return command.toString();
    }
}
