package dev.backfillfleet.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The document layout of a state record, readable in the Firestore console: every field is
 * always present (null until the state machine sets it); times are timestamps taken from the
 * store's injected clock, never server time, because lease logic compares them with that clock.
 */
final class DateDocuments
{
    static final String TABLE = "table";
    static final String DATE = "date";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String GIVEN_BACK = "attemptsGivenBack";
    static final String RUN_ID = "runId";
    static final String LEASE_OWNER = "leaseOwner";
    static final String LEASE_EXPIRES_AT = "leaseExpiresAt";
    static final String QUEUED_AT = "queuedAt";
    static final String STARTED_AT = "startedAt";
    static final String FINISHED_AT = "finishedAt";
    static final String ROWS_WRITTEN = "rowsWritten";
    static final String ROWS_EXPECTED = "rowsExpected";
    static final String DURATION_MS = "durationMs";
    static final String ERROR_CLASS = "errorClass";
    static final String ERROR_MESSAGE = "errorMessage";
    static final String CANCEL_REQUEST = "cancelRequest";
    static final String DEFINITION_VERSION = "definitionVersion";
    static final String UPDATED_AT = "updatedAt";

    private DateDocuments() {}

    static DateRecord read(DocumentSnapshot document)
    {
        String tableName = document.getString(TABLE);
        AnalyticsTable table = AnalyticsTable.parse(tableName == null ? "" : tableName)
                .orElseThrow(() -> FleetException.permanentFailure("state document " + document.getId() + " names unknown table " + tableName));
        Long attempts = document.getLong(ATTEMPTS);
        Long givenBack = document.getLong(GIVEN_BACK);
        return new DateRecord(
                new DateKey(table, LocalDate.parse(document.getString(DATE))),
                DateState.valueOf(document.getString(STATUS)),
                attempts == null ? 0 : Math.toIntExact(attempts),
                givenBack == null ? 0 : Math.toIntExact(givenBack),
                Optional.ofNullable(document.getString(RUN_ID)).orElse(""),
                Optional.ofNullable(document.getString(LEASE_OWNER)),
                instant(document, LEASE_EXPIRES_AT),
                instant(document, QUEUED_AT),
                instant(document, STARTED_AT),
                instant(document, FINISHED_AT),
                Optional.ofNullable(document.getLong(ROWS_WRITTEN)),
                Optional.ofNullable(document.getLong(ROWS_EXPECTED)),
                Optional.ofNullable(document.getLong(DURATION_MS)).map(Duration::ofMillis),
                Optional.ofNullable(document.getString(ERROR_CLASS)).map(ErrorClass::valueOf),
                Optional.ofNullable(document.getString(ERROR_MESSAGE)),
                Optional.ofNullable(document.getString(CANCEL_REQUEST)).map(CancelRequest::valueOf),
                Optional.ofNullable(document.getLong(DEFINITION_VERSION)));
    }

    /** The whole document of {@code record}: every field present, null until set. */
    static Map<String, Object> write(DateRecord record, Instant now)
    {
        Map<String, Object> fields = new HashMap<>();
        fields.put(TABLE, record.key().table().tableName());
        fields.put(DATE, record.key().date().toString());
        fields.put(STATUS, record.state().name());
        fields.put(ATTEMPTS, (long) record.attempts());
        fields.put(GIVEN_BACK, (long) record.givenBack());
        fields.put(RUN_ID, record.runId());
        fields.put(LEASE_OWNER, record.leaseOwner().orElse(null));
        fields.put(LEASE_EXPIRES_AT, record.leaseExpiresAt().map(DateDocuments::timestamp).orElse(null));
        fields.put(QUEUED_AT, record.queuedAt().map(DateDocuments::timestamp).orElse(null));
        fields.put(STARTED_AT, record.startedAt().map(DateDocuments::timestamp).orElse(null));
        fields.put(FINISHED_AT, record.finishedAt().map(DateDocuments::timestamp).orElse(null));
        fields.put(ROWS_WRITTEN, record.rowsWritten().orElse(null));
        fields.put(ROWS_EXPECTED, record.rowsExpected().orElse(null));
        fields.put(DURATION_MS, record.duration().map(Duration::toMillis).orElse(null));
        fields.put(ERROR_CLASS, record.errorClass().map(Enum::name).orElse(null));
        fields.put(ERROR_MESSAGE, record.errorMessage().orElse(null));
        fields.put(CANCEL_REQUEST, record.cancelRequest().map(Enum::name).orElse(null));
        fields.put(DEFINITION_VERSION, record.definitionVersion().orElse(null));
        fields.put(UPDATED_AT, timestamp(now));
        return fields;
    }

    static Timestamp timestamp(Instant instant)
    {
        return Timestamp.ofTimeSecondsAndNanos(instant.getEpochSecond(), instant.getNano());
    }

    private static Optional<Instant> instant(DocumentSnapshot document, String field)
    {
        return Optional.ofNullable(document.getTimestamp(field))
                .map(timestamp -> Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }
}
