package dev.backfillfleet.coordinator.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.backfillfleet.coordinator.output.Html;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON the page's script draws the calendars from ({@code range}, {@code palette} and per table
 * every date's record), streamed into the page record by record, through {@link Html#scriptSafeJson}.
 */
final class ReportData
{
    private ReportData() {}

    static void write(Writer out, DateRange range, List<TableReport> tables, RecordSource records)
            throws IOException
    {
        try (JsonGenerator json = Html.scriptSafeJson(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("range");
            json.writeStringField("first", range.first().toString());
            json.writeStringField("last", range.last().toString());
            json.writeEndObject();
            json.writeObjectFieldStart("palette");
            for (DateState state : DateState.values()) {
                json.writeObjectFieldStart(state.name());
                json.writeStringField("colour", StatePalette.colour(state));
                json.writeStringField("label", StatePalette.label(state));
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("tables");
            for (TableReport table : tables) {
                json.writeStartObject();
                json.writeStringField("name", table.table().tableName());
                json.writeObjectFieldStart("dates");
                records.forEach(table.table(), record -> writeDate(json, record));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void writeDate(JsonGenerator json, DateRecord record)
    {
        try {
            json.writeObjectFieldStart(record.key().date().toString());
            json.writeStringField("state", record.state().name());
            json.writeNumberField("attempts", record.attempts());
            number(json, "rowsWritten", record.rowsWritten());
            number(json, "rowsExpected", record.rowsExpected());
            number(json, "durationMs", record.duration().map(Duration::toMillis));
            json.writeStringField("errorClass", record.errorClass().map(Enum::name).orElse(null));
            json.writeStringField("error", record.errorMessage().orElse(null));
            json.writeStringField("runId", record.runId());
            json.writeStringField("leaseOwner", record.state() == DateState.RUNNING ? record.leaseOwner().orElse(null) : null);
            json.writeStringField("queuedAt", record.queuedAt().map(Instant::toString).orElse(null));
            json.writeStringField("startedAt", record.startedAt().map(Instant::toString).orElse(null));
            json.writeStringField("finishedAt", record.finishedAt().map(Instant::toString).orElse(null));
            json.writeEndObject();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(JsonGenerator json, String field, Optional<Long> value)
            throws IOException
    {
        if (value.isPresent()) {
            json.writeNumberField(field, value.get());
        }
        else {
            json.writeNullField(field);
        }
    }
}
