package dev.backfillfleet.worker.command;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules for a command's output lines, and the line splitting under them, without a process. */
class TestOutputRows
{
    private static final List<Column> EVERY_TYPE = List.of(
            Column.nullable("name", ColumnType.STRING),
            Column.nullable("count", ColumnType.INT64),
            Column.nullable("ratio", ColumnType.FLOAT64),
            Column.nullable("amount", ColumnType.NUMERIC),
            Column.nullable("flag", ColumnType.BOOL),
            Column.nullable("day", ColumnType.DATE),
            Column.nullable("at", ColumnType.TIMESTAMP));

    @Test
    void jsonValuesOfTheColumnsTypeAndTextAsImportReadsIt()
    {
        OutputRows rows = rows("""
                {"name": " spaced ", "count": 9223372036854775807, "ratio": 1e-3, "amount": 1.50, "flag": true, "day": "2024-02-29", "at": "2024-10-22T19:30-04:00"}
                {"name": "", "count": " 12 ", "ratio": "27.5", "amount": "-0.000000001", "flag": "FALSE", "day": "", "at": "2024-10-22t23:30:00.250z"}
                """);

        assertThat(rows.hasProblems()).as(rows.describeProblems()).isFalse();
        assertThat(rows.rows().get(0).values()).containsExactly(
                entry("name", " spaced "), entry("count", Long.MAX_VALUE), entry("ratio", 0.001), entry("amount", new BigDecimal("1.500000000")),
                entry("flag", true), entry("day", LocalDate.parse("2024-02-29")), entry("at", Instant.parse("2024-10-22T23:30:00Z")));
        assertThat(rows.rows().get(1).values()).containsExactly(
                entry("name", ""), entry("count", 12L), entry("ratio", 27.5), entry("amount", new BigDecimal("-0.000000001")),
                entry("flag", false), entry("day", null), entry("at", Instant.parse("2024-10-22T23:30:00.250Z")));
    }

    @Test
    void valuesOutOfTheirTypesRangeOrOfAnotherTypeAreProblems()
    {
        assertThat(problemsOf("{\"count\": 9223372036854775808}")).isEqualTo("stdout line 1: column 'count': 9223372036854775808 is out of the INT64 range");
        assertThat(problemsOf("{\"ratio\": 1e400}")).isEqualTo("stdout line 1: column 'ratio': 1E+400 is out of the FLOAT64 range");
        assertThat(problemsOf("{\"amount\": 0.0000000001}")).isEqualTo("stdout line 1: column 'amount': '1E-10' does not fit NUMERIC(38, 9)");
        assertThat(problemsOf("{\"flag\": 1}")).isEqualTo("stdout line 1: column 'flag': 1 is not a BOOL (true or false)");
        assertThat(problemsOf("{\"day\": 20241022}")).isEqualTo("stdout line 1: column 'day': 20241022 is not a DATE (a string such as \"2024-10-22\")");
        assertThat(problemsOf("{\"day\": \"22/10/2024\"}")).isEqualTo("stdout line 1: column 'day': '22/10/2024' is not a date: use YYYY-MM-DD");
        assertThat(problemsOf("{\"at\": \"2024-10-22 19:30\"}")).startsWith("stdout line 1: column 'at': '2024-10-22 19:30' has no time zone");
        assertThat(problemsOf("{\"name\": {\"first\": \"a\"}}")).isEqualTo("stdout line 1: column 'name': {\"first\":\"a\"} is not a STRING (a JSON string)");
        assertThat(problemsOf("42")).isEqualTo("stdout line 1: expected a JSON object of column values, got 42");
    }

    @Test
    void afterTheFirstBadLineNoRowIsKeptAndTheFirstFiveProblemsAreShown()
    {
        StringBuilder output = new StringBuilder("{\"count\": 1}\n");
        for (int line = 2; line <= 9; line++) {
            output.append("{\"count\": \"x").append(line).append("\"}\n");
        }
        output.append("{\"count\": 10}\n");

        OutputRows rows = rows(output.toString());

        assertThat(rows.rows()).isEmpty();
        assertThat(rows.describeProblems()).startsWith("stdout line 2: column 'count': 'x2' is not a whole number (INT64); stdout line 3: ")
                .contains("stdout line 6: ").doesNotContain("stdout line 7: ").endsWith("; and 3 more");
    }

    @Test
    void linesEndAtNewlinesWithoutTheirCarriageReturnAndALongLineIsCutAndMarked()
            throws IOException
    {
        List<String> lines = new ArrayList<>();
        BoundedLines.read(new ByteArrayInputStream("one\r\nétoile ✓\n\n0123456789abc\nlast".getBytes(UTF_8)), 10,
                (number, text, truncated) -> lines.add(number + ":" + text + (truncated ? " (cut)" : "")));

        assertThat(lines).containsExactly("1:one", "2:étoile ✓", "3:", "4:0123456789 (cut)", "5:last");
        assertThat(rows("{\"name\": \"" + "n".repeat(CommandRunner.MAX_ROW_CHARS) + "\"}\n{\"name\": \"ok\"}\n").describeProblems())
                .isEqualTo("stdout line 1: longer than " + CommandRunner.MAX_ROW_CHARS + " characters");
    }

    @Test
    void theTailOfStandardErrorKeepsTheLastLinesWithinItsBounds()
            throws IOException
    {
        StandardErrorTail tail = new StandardErrorTail();
        BoundedLines.read(new ByteArrayInputStream(("x".repeat(10_000) + "\n" + "line\n".repeat(25) + "the end").getBytes(UTF_8)),
                StandardErrorTail.MAX_CHARS, tail);

        assertThat(tail.describe()).startsWith("the last 20 of its 27 lines of standard error:\nline\n").endsWith("\nthe end");
        StandardErrorTail wide = new StandardErrorTail();
        BoundedLines.read(new ByteArrayInputStream(("y".repeat(10_000) + "\nthe end").getBytes(UTF_8)), StandardErrorTail.MAX_CHARS, wide);
        assertThat(wide.text()).hasSizeLessThanOrEqualTo(StandardErrorTail.MAX_CHARS + 5).startsWith("[...]").endsWith("y [...]\nthe end");
    }

    private static OutputRows rows(String output)
    {
        OutputRows rows = new OutputRows("every_type", EVERY_TYPE);
        try {
            BoundedLines.read(new ByteArrayInputStream(output.getBytes(UTF_8)), CommandRunner.MAX_ROW_CHARS, rows);
        }
        catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static String problemsOf(String line)
    {
        return rows(line + "\n").describeProblems();
    }

    private static Map.Entry<String, Object> entry(String key, Object value)
    {
        return new AbstractMap.SimpleEntry<>(key, value);
    }
}
