package dev.backfillfleet.coordinator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the page's script draws the calendars from ({@code range}, {@code palette} and per table
 * every date's record), streamed into the page record by record. Every '<' is written as a JSON
 * escape, so that no value can end the script element early.
 */
final class ReportData
{
    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private ReportData() {}

    static void write(Writer out, DateRange range, List<TableReport> tables, RecordSource records)
            throws IOException
    {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(ScriptSafeEscapes.INSTANCE);
            json.writeStartObject();
            json.writeObjectFieldStart("range");
            json.writeStringField("first", range.first().toString());
            json.writeStringField("last", range.last().toString());
            json.writeEndObject();
            json.writeObjectFieldStart("palette");
            for (Map.Entry<String, Map<String, String>> state : StatePalette.asJson().entrySet()) {
                json.writeObjectFieldStart(state.getKey());
                json.writeStringField("colour", state.getValue().get("colour"));
                json.writeStringField("label", state.getValue().get("label"));
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

    /** JSON's own escapes, and '<' as {@code \u003C}. */
    private static final class ScriptSafeEscapes
            extends CharacterEscapes
    {
        static final ScriptSafeEscapes INSTANCE = new ScriptSafeEscapes();
        private final int[] ascii;

        private ScriptSafeEscapes()
        {
            ascii = standardAsciiEscapesForJSON();
            ascii['<'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii()
        {
            return ascii;
        }

        @Override
        public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int character)
        {
            return null;
        }
    }
}
