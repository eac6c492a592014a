package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestValueParser
{
    private static final Column START = Column.required("start_time_et", ColumnType.TIMESTAMP);
    private static final Column SNAPSHOT = Column.required("snapshot_timestamp", ColumnType.TIMESTAMP);

    @Test
    void easternWallClockTimesFollowDaylightSaving()
            throws BadValueException
    {
        // EDT (UTC-4) in October, EST (UTC-5) in January
        assertThat(ValueParser.parse(START, "2024-10-22 19:30")).isEqualTo(Instant.parse("2024-10-22T23:30:00Z"));
        assertThat(ValueParser.parse(START, "2025-01-15 19:30:15")).isEqualTo(Instant.parse("2025-01-16T00:30:15Z"));
        assertThat(ValueParser.parse(START, "2025-01-15T19:30")).isEqualTo(Instant.parse("2025-01-16T00:30:00Z"));
        assertThat(ValueParser.parse(SNAPSHOT, "2025-01-16T00:30:00Z")).isEqualTo(Instant.parse("2025-01-16T00:30:00Z"));
        assertThat(ValueParser.parse(SNAPSHOT, "2025-01-15T19:30:00-05:00")).isEqualTo(Instant.parse("2025-01-16T00:30:00Z"));
        assertThatThrownBy(() -> ValueParser.parse(SNAPSHOT, "2025-01-15 19:30")).hasMessageContaining("has no time zone");
        assertThatThrownBy(() -> ValueParser.parse(START, "tonight")).hasMessageContaining("is not a timestamp");
    }

    @Test
    void acceptsExactlyTheTimestampFormsTheReadmeLists()
            throws BadValueException
    {
        Instant instant = Instant.parse("2024-10-22T23:30:00Z");
        for (String text : List.of("2024-10-22T23:30:00Z", "2024-10-22T23:30Z", "2024-10-22t23:30:00z", "2024-10-22T19:30:00-04:00",
                "2024-10-22T19:30-04:00", "2024-10-22T19:30:00-04", "2024-10-23T00:30:00+01:00")) {
            assertThat(ValueParser.parse(SNAPSHOT, text)).as(text).isEqualTo(instant);
            assertThat(ValueParser.parse(START, text)).as(text).isEqualTo(instant);
        }
        assertThat(ValueParser.parse(SNAPSHOT, "2024-10-22T23:30:00.250Z")).isEqualTo(Instant.parse("2024-10-22T23:30:00.250Z"));
        // as BigQuery exports a TIMESTAMP to CSV or JSON
        assertThat(ValueParser.parse(SNAPSHOT, "2024-10-22 23:30:00 UTC")).isEqualTo(instant);
        assertThat(ValueParser.parse(SNAPSHOT, "2024-10-22 23:30:00.123456 UTC")).isEqualTo(Instant.parse("2024-10-22T23:30:00.123456Z"));
        assertThat(ValueParser.parse(START, "2024-10-22 23:30:00.25 UTC")).isEqualTo(Instant.parse("2024-10-22T23:30:00.250Z"));
        for (String text : List.of("2024-10-22 19:30", "2024-10-22 19:30:00", "2024-10-22T19:30", "2024-10-22T19:30:00")) {
            assertThat(ValueParser.parse(START, text)).as(text).isEqualTo(instant);
            assertThatThrownBy(() -> ValueParser.parse(SNAPSHOT, text)).as(text).hasMessageContaining("has no time zone");
        }
        for (String text : List.of("2024-10-2219:30", "2024-10-22 T19:30", "2024-10-22 19:30Z", "2024-10-22 19", "2024-10-22", "19:30",
                "2024-10-22T19:30:00 EDT", "2024-10-22T19:30:00-0400")) {
            assertThatThrownBy(() -> ValueParser.parse(START, text)).as(text).hasMessageContaining("is not a timestamp");
        }
    }

    @Test
    void convertsEveryTypeAndEmptyIsNull()
            throws BadValueException
    {
        assertThat(ValueParser.parse(Column.nullable("flag", ColumnType.BOOL), "True")).isEqualTo(true);
        assertThat(ValueParser.parse(Column.nullable("flag", ColumnType.BOOL), "0")).isEqualTo(false);
        assertThat(ValueParser.parse(Column.nullable("count", ColumnType.INT64), " -12 ")).isEqualTo(-12L);
        assertThat(ValueParser.parse(Column.nullable("line", ColumnType.FLOAT64), "27.5")).isEqualTo(27.5);
        assertThat(ValueParser.parse(Column.nullable("day", ColumnType.DATE), "2024-02-29")).isEqualTo(LocalDate.parse("2024-02-29"));
        assertThat(ValueParser.parse(Column.nullable("name", ColumnType.STRING), " O'Neal ")).isEqualTo(" O'Neal ");
        assertThat(ValueParser.parse(Column.nullable("count", ColumnType.INT64), "")).isNull();
        assertThat(ValueParser.parse(Column.nullable("name", ColumnType.STRING), "")).isNull();
        assertThatThrownBy(() -> ValueParser.parse(Column.nullable("count", ColumnType.INT64), "12.5")).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> ValueParser.parse(Column.nullable("line", ColumnType.FLOAT64), "NaN")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> ValueParser.parse(Column.nullable("flag", ColumnType.BOOL), "yes")).hasMessageContaining("not a boolean");
        assertThatThrownBy(() -> ValueParser.parse(Column.required("count", ColumnType.INT64), " ")).hasMessageContaining("required");
    }

    @Test
    void aPlainNumericIsBigQuerysNumeric38Comma9ReadExactlyAndNeverRounded()
            throws BadValueException
    {
        Column amount = Column.nullable("amount", ColumnType.NUMERIC);
        assertThat(amount.typeName()).isEqualTo("NUMERIC(38, 9)");
        assertThat(ValueParser.parse(amount, "1.10")).isEqualTo(new BigDecimal("1.100000000"));
        assertThat(ValueParser.parse(amount, "12345678901234567890.123456789")).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(ValueParser.parse(amount, "99999999999999999999999999999.999999999")).isEqualTo(new BigDecimal("99999999999999999999999999999.999999999"));
        assertThat((BigDecimal) ValueParser.parse(amount, "-2.5e3")).isEqualByComparingTo(new BigDecimal("-2500"));
        assertThat((BigDecimal) ValueParser.parse(amount, "0.1000000000")).as("trailing zeros past the 9th digit are exact").isEqualByComparingTo(new BigDecimal("0.1"));
        assertThat(ValueParser.parse(amount, "")).isNull();
        assertThatThrownBy(() -> ValueParser.parse(amount, "0.0000000001")).hasMessageContaining("does not fit NUMERIC(38, 9)");
        assertThatThrownBy(() -> ValueParser.parse(amount, "100000000000000000000000000000")).hasMessageContaining("does not fit NUMERIC(38, 9)");
        assertThatThrownBy(() -> ValueParser.parse(amount, "1e30")).hasMessageContaining("does not fit NUMERIC(38, 9)");
        assertThatThrownBy(() -> ValueParser.parse(amount, "one")).hasMessageContaining("'one' is not a number (NUMERIC(38, 9))");
    }

    @Test
    void numericTextIsReadExactlyAtTheColumnsScaleAndNeverRounded()
            throws BadValueException
    {
        Column rating = Column.nullableNumeric("offensive_rating", 6, 2);
        assertThat(ValueParser.parse(rating, "113.78")).isEqualTo(new BigDecimal("113.78"));
        assertThat(ValueParser.parse(rating, " 0.1 ")).isEqualTo(new BigDecimal("0.10"));
        assertThat(ValueParser.parse(rating, "-7")).isEqualTo(new BigDecimal("-7.00"));
        assertThat(ValueParser.parse(rating, "1.5e2")).isEqualTo(new BigDecimal("150.00"));
        assertThat(ValueParser.parse(rating, "")).isNull();
        assertThatThrownBy(() -> ValueParser.parse(rating, "113.775")).hasMessageContaining("NUMERIC(6, 2)");
        assertThatThrownBy(() -> ValueParser.parse(rating, "12345.6")).hasMessageContaining("NUMERIC(6, 2)");
        assertThatThrownBy(() -> ValueParser.parse(rating, "NaN")).hasMessageContaining("not a number");
    }

    @Test
    void csvFieldsMayBeQuotedAcrossLines()
            throws CsvRecords.MalformedLineException
    {
        List<CsvRecords.CsvRecord> records = CsvRecords.parse("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\n\nlast,\n");
        assertThat(records).extracting(CsvRecords.CsvRecord::line).containsExactly(1, 2, 5);
        assertThat(records.get(1).fields()).containsExactly("x, \"y\"", "two\nlines");
        assertThat(records.get(2).fields()).containsExactly("last", "");
        assertThatThrownBy(() -> CsvRecords.parse("a,b\n\"open,b\n")).hasMessageContaining("never closed");
    }
}
