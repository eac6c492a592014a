package dev.backfillfleet.worker.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.RowMaker;
import dev.backfillfleet.warehouse.io.BadValueException;
import dev.backfillfleet.warehouse.io.ValueParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a program's standard output, one line at a time, into rows of its table: each non-blank
 * line one JSON object keyed by column name, every value typed by its column. A JSON value of
 * the column's type is taken as it is (INT64 a JSON integer, FLOAT64 and NUMERIC any JSON
 * number, BOOL true or false, STRING a JSON string, kept as written); a JSON string for any other
 * type is read as import reads text ({@link ValueParser}: digits for INT64, {@code yyyy-MM-dd}
 * for DATE, an ISO instant or offset date-time for TIMESTAMP, an exact decimal for NUMERIC, empty
 * for NULL). null or an absent key is NULL. Any line that does not fit (not JSON, not an object,
 * an unknown column, a value of the wrong type, a REQUIRED column missing or null) is a problem
 * naming the line and column; after the first, no row is kept, since nothing is written.
 */
final class OutputRows
        implements BoundedLines.Sink
{
    static final int MAX_PROBLEMS_SHOWN = 5;
    /** Decimals as BigDecimal with their trailing zeros, so that a NUMERIC keeps every digit. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String table;
    private final List<Column> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final RowMaker maker;
    private final String columnNames;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    OutputRows(String table, List<Column> columns)
    {
        this.table = table;
        this.columns = List.copyOf(columns);
        for (int position = 0; position < this.columns.size(); position++) {
            positions.put(this.columns.get(position).name(), position);
        }
        List<String> names = this.columns.stream().map(Column::name).toList();
        this.maker = new RowMaker(names);
        this.columnNames = String.join(", ", names);
    }

    @Override
    public synchronized void line(int number, String text, boolean truncated)
    {
        if (truncated) {
            problem(number, "longer than " + CommandRunner.MAX_ROW_CHARS + " characters");
            return;
        }
        if (text.isBlank()) {
            return;
        }
        JsonNode object;
        try {
            object = JSON.readTree(text);
        }
        catch (JsonProcessingException e) {
            problem(number, "not JSON: " + e.getOriginalMessage());
            return;
        }
        if (!object.isObject()) {
            problem(number, "expected a JSON object of column values, got " + shown(object));
            return;
        }
        Object[] values = new Object[columns.size()];
        boolean[] present = new boolean[columns.size()];
        boolean good = true;
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            Integer position = positions.get(field.getKey());
            if (position == null) {
                problem(number, "unknown column '" + field.getKey() + "'; " + table + " has " + columnNames);
                good = false;
                continue;
            }
            Column column = columns.get(position);
            present[position] = true;
            try {
                values[position] = JsonValues.value(column, field.getValue());
            }
            catch (BadValueException e) {
                problem(number, "column '" + column.name() + "': " + e.getMessage());
                good = false;
            }
        }
        for (int position = 0; position < columns.size(); position++) {
            if (!present[position] && !columns.get(position).nullable()) {
                problem(number, "column '" + columns.get(position).name() + "' is required but missing");
                good = false;
            }
        }
        if (good && problemCount == 0) {
            rows.add(maker.row(values));
        }
    }

    synchronized List<Row> rows()
    {
        return List.copyOf(rows);
    }

    synchronized int rowCount()
    {
        return rows.size();
    }

    synchronized boolean hasProblems()
    {
        return problemCount > 0;
    }

    /** The first problems, each {@code stdout line N: ...}, and how many more there were. */
    synchronized String describeProblems()
    {
        String shown = String.join("; ", problems);
        return problemCount > problems.size() ? shown + "; and " + (problemCount - problems.size()) + " more" : shown;
    }

    private void problem(int number, String problem)
    {
        problemCount++;
        rows.clear();
        if (problems.size() < MAX_PROBLEMS_SHOWN) {
            problems.add("stdout line " + number + ": " + problem);
        }
    }

    static String shown(JsonNode node)
    {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
