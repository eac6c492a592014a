package dev.backfillfleet.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.BackfillRun;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.TablePause;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The documents an operator's controls leave beside the state records, readable in the console:
 * a paused table (id: the table's name) and a run (id: the run id), each written once.
 */
final class ControlDocuments
{
    static final String TABLE = "table";
    static final String PAUSED_AT = "pausedAt";
    static final String PAUSED_BY = "pausedBy";
    static final String RUN_ID = "runId";
    static final String CREATED_AT = "createdAt";
    static final String CREATED_BY = "createdBy";
    static final String COMMAND = "command";
    static final String TABLES = "tables";
    static final String DATES = "dates";
    static final String KEYS = "keys";

    private ControlDocuments() {}

    static Map<String, Object> writePause(TablePause pause)
    {
        Map<String, Object> fields = new HashMap<>();
        fields.put(TABLE, pause.table().tableName());
        fields.put(PAUSED_AT, DateDocuments.timestamp(pause.since()));
        fields.put(PAUSED_BY, pause.by());
        return fields;
    }

    static TablePause readPause(DocumentSnapshot document)
    {
        return new TablePause(table(document, document.getString(TABLE)), instant(document, PAUSED_AT), Optional.ofNullable(document.getString(PAUSED_BY)).orElse(""));
    }

    static Map<String, Object> writeRun(BackfillRun run)
    {
        Map<String, Object> fields = new HashMap<>();
        fields.put(RUN_ID, run.id());
        fields.put(CREATED_AT, DateDocuments.timestamp(run.createdAt()));
        fields.put(CREATED_BY, run.createdBy());
        fields.put(COMMAND, run.command());
        fields.put(TABLES, run.tables().stream().map(AnalyticsTable::tableName).toList());
        fields.put(DATES, run.dates());
        fields.put(KEYS, (long) run.keys());
        return fields;
    }

    static BackfillRun readRun(DocumentSnapshot document)
    {
        Object tables = document.get(TABLES);
        List<AnalyticsTable> named = tables instanceof List<?> names
                ? names.stream().map(String::valueOf).flatMap(name -> AnalyticsTable.parse(name).stream()).toList()
                : List.of();
        Long keys = document.getLong(KEYS);
        return new BackfillRun(document.getId(), instant(document, CREATED_AT), Optional.ofNullable(document.getString(CREATED_BY)).orElse(""),
                Optional.ofNullable(document.getString(COMMAND)).orElse(""), named, Optional.ofNullable(document.getString(DATES)).orElse(""),
                keys == null ? 0 : Math.toIntExact(keys));
    }

    private static AnalyticsTable table(DocumentSnapshot document, String name)
    {
        return AnalyticsTable.parse(name == null ? "" : name)
                .orElseThrow(() -> FleetException.permanentFailure("document " + document.getId() + " names unknown table " + name));
    }

    private static Instant instant(DocumentSnapshot document, String field)
    {
        Timestamp timestamp = document.getTimestamp(field);
        return timestamp == null ? Instant.EPOCH : Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
