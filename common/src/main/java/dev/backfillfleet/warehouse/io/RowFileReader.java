package dev.backfillfleet.warehouse.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the rows of a table from CSV or NDJSON files (see {@link RowFileFormat}), converting every
 * value to its column's type with {@link ValueParser}. A file exported from a real table holds more
 * columns than the schema (the columns the fleet reads): those are skipped, whatever their values,
 * and named in the result. Nothing is returned unless every line of every file is good: the
 * problems (up to {@value #MAX_PROBLEMS}) are reported together as one user error, each naming the
 * file, the line and the column.
 */
public final class RowFileReader
{
    static final int MAX_PROBLEMS = 20;
    /** Decimals as BigDecimal, trailing zeros kept, so that a NUMERIC keeps every digit it was written with. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private final TableSchema schema;
    private final List<String> problems = new ArrayList<>();
    private final SortedSet<String> skippedColumns = new TreeSet<>();
    private int problemCount;

    /** The rows read, and the columns of the files that the table does not hold, skipped. */
    public record Result(List<Row> rows, SortedSet<String> skippedColumns) {}

    private RowFileReader(TableSchema schema)
    {
        this.schema = schema;
    }

    /** The rows of all {@code files}, in order, or a {@link FleetException} user error listing what is wrong. */
    public static Result read(TableSchema schema, List<Path> files)
    {
        RowFileReader reader = new RowFileReader(schema);
        List<Row> rows = new ArrayList<>();
        for (Path file : files) {
            rows.addAll(reader.readFile(file));
        }
        if (reader.problemCount == 1) {
            throw FleetException.userError("nothing was imported into " + schema.ref() + ": " + reader.problems.get(0) + "; correct it and run the import again");
        }
        if (reader.problemCount > 0) {
            String more = reader.problemCount > MAX_PROBLEMS ? "\n  ... and " + (reader.problemCount - MAX_PROBLEMS) + " more" : "";
            throw FleetException.userError("nothing was imported into " + schema.ref() + ": " + reader.problemCount + " problems (correct them and run the import again):\n  "
                    + String.join("\n  ", reader.problems) + more);
        }
        return new Result(rows, Collections.unmodifiableSortedSet(reader.skippedColumns));
    }

    private List<Row> readFile(Path file)
    {
        RowFileFormat format = RowFileFormat.of(file);
        String text;
        try {
            text = decode(file);
        }
        catch (NoSuchFileException e) {
            problem(file + ": no such file");
            return List.of();
        }
        catch (CharacterCodingException e) {
            problem(file + ": not UTF-8 text (save it as UTF-8)");
            return List.of();
        }
        catch (IOException e) {
            problem(file + ": cannot read it: " + e.getMessage());
            return List.of();
        }
        return switch (format) {
            case CSV -> readCsv(file, text);
            case NDJSON -> readNdjson(file, text);
        };
    }

    private static String decode(Path file)
            throws IOException
    {
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private List<Row> readCsv(Path file, String text)
    {
        List<CsvRecords.CsvRecord> records;
        try {
            records = CsvRecords.parse(text);
        }
        catch (CsvRecords.MalformedLineException e) {
            problem(file + ":" + e.line() + ": " + e.getMessage());
            return List.of();
        }
        if (records.isEmpty()) {
            problem(file + ": empty; expected a header row of column names");
            return List.of();
        }
        List<Column> header = csvHeader(file, records.get(0));
        if (header == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (CsvRecords.CsvRecord record : records.subList(1, records.size())) {
            if (record.fields().size() != header.size()) {
                problem(file + ":" + record.line() + ": " + record.fields().size() + " fields, but the header has " + header.size());
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            boolean good = true;
            for (int index = 0; index < header.size(); index++) {
                if (header.get(index) != null) {
                    good &= put(values, header.get(index), record.fields().get(index), file, record.line());
                }
            }
            if (good) {
                rows.add(new Row(values));
            }
        }
        return rows;
    }

    /**
     * The header's columns, null at the positions of columns the table does not hold (skipped), or
     * null (with the problems recorded) when it repeats a column or lacks a required one.
     */
    private List<Column> csvHeader(Path file, CsvRecords.CsvRecord header)
    {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int before = problemCount;
        for (String name : header.fields()) {
            String trimmed = name.trim();
            if (!seen.add(trimmed) && schema.column(trimmed).isPresent()) {
                problem(file + ":" + header.line() + ": column '" + trimmed + "' appears twice in the header");
            }
            Column column = schema.column(trimmed).orElse(null);
            if (column == null) {
                skippedColumns.add(trimmed);
            }
            columns.add(column);
        }
        List<String> missing = schema.columns().stream().filter(column -> !column.nullable() && !seen.contains(column.name())).map(Column::name).toList();
        if (!missing.isEmpty()) {
            problem(file + ":" + header.line() + ": the header lacks required column(s) " + String.join(", ", missing));
        }
        return problemCount == before ? columns : null;
    }

    private List<Row> readNdjson(Path file, String text)
    {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int line = index + 1;
            if (lines[index].isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = JSON.readTree(lines[index]);
            }
            catch (JsonProcessingException e) {
                // the file and line say where; Jackson's "(start marker at [Source: REDACTED ...])" says nothing more
                problem(file + ":" + line + ": malformed JSON: " + e.getOriginalMessage().replaceAll(" \\(start marker at \\[Source: [^]]*\\]\\)", ""));
                continue;
            }
            if (object == null || !object.isObject()) {
                problem(file + ":" + line + ": expected a JSON object of column values");
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            Set<String> mentioned = new HashSet<>();
            boolean good = true;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                mentioned.add(field.getKey());
                Column column = schema.column(field.getKey()).orElse(null);
                if (column == null) {
                    skippedColumns.add(field.getKey());
                    continue;
                }
                good &= putJson(values, column, field.getValue(), file, line);
            }
            good &= requireAll(mentioned, file, line);
            if (good) {
                rows.add(new Row(values));
            }
        }
        return rows;
    }

    private boolean putJson(Map<String, Object> values, Column column, JsonNode value, Path file, int line)
    {
        // a NUMERIC's JSON number as its text (the reader keeps its digits): parsed exactly at the column's scale, never rounded
        if (value.isNull() || value.isTextual() || (column.type() == ColumnType.NUMERIC && value.isNumber())) {
            return put(values, column, value.isNull() ? null : value.asText(), file, line);
        }
        boolean fits = switch (column.type()) {
            case INT64 -> value.isIntegralNumber() && value.canConvertToLong();
            case FLOAT64 -> value.isNumber();
            case BOOL -> value.isBoolean() || (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1));
            case STRING, NUMERIC, DATE, TIMESTAMP -> false;
        };
        if (!fits) {
            problem(file + ":" + line + ": column '" + column.name() + "': " + value + " is not a " + column.type()
                    + (column.type() == ColumnType.STRING && value.isNumber() ? " (quote it: a number loses leading zeros)" : ""));
            return false;
        }
        values.put(column.name(), switch (column.type()) {
            case INT64 -> value.longValue();
            case FLOAT64 -> value.doubleValue();
            case BOOL -> value.isBoolean() ? value.booleanValue() : value.asLong() == 1;
            case STRING, NUMERIC, DATE, TIMESTAMP -> throw new IllegalStateException("unreachable");
        });
        return true;
    }

    private boolean put(Map<String, Object> values, Column column, String text, Path file, int line)
    {
        try {
            values.put(column.name(), ValueParser.parse(column, text));
            return true;
        }
        catch (BadValueException e) {
            problem(file + ":" + line + ": column '" + column.name() + "': " + e.getMessage());
            return false;
        }
    }

    /** A required column that an NDJSON line does not mention at all is as bad as an empty one. */
    private boolean requireAll(Set<String> mentioned, Path file, int line)
    {
        boolean good = true;
        for (Column column : schema.columns()) {
            if (!column.nullable() && !mentioned.contains(column.name())) {
                problem(file + ":" + line + ": column '" + column.name() + "' is required but missing");
                good = false;
            }
        }
        return good;
    }

    private void problem(String problem)
    {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
