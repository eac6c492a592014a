package dev.backfillfleet.warehouse.io;

import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRowFileReader
{
    private static final TableSchema PAYOUTS = TableSchema.unpartitioned(new TableRef("test_data", "payouts"), List.of(
            Column.required("name", ColumnType.STRING),
            Column.nullable("amount", ColumnType.NUMERIC),
            Column.nullable("ratio", ColumnType.FLOAT64)));

    @TempDir
    Path directory;

    @Test
    void numericValuesKeepEveryDigitFromJsonNumbersStringsAndCsv()
            throws IOException
    {
        Path ndjson = Files.writeString(directory.resolve("payouts.ndjson"), """
                {"name": "number", "amount": 12345678901234567890.123456780, "ratio": 0.1}
                {"name": "string", "amount": "0.10"}
                {"name": "integer", "amount": 7}
                """);
        Path csv = Files.writeString(directory.resolve("payouts.csv"), "name,amount\ncsv,-3.000000001\n");

        List<Row> rows = RowFileReader.read(PAYOUTS, List.of(ndjson, csv)).rows();

        assertThat(rows).extracting(row -> row.get("amount")).containsExactly(
                new BigDecimal("12345678901234567890.123456780"), new BigDecimal("0.100000000"), new BigDecimal("7.000000000"), new BigDecimal("-3.000000001"));
        assertThat(rows.get(0).getDouble("ratio")).isEqualTo(0.1);
    }

    @Test
    void aNumericBigQueryCannotHoldIsRefusedNamingTheLine()
            throws IOException
    {
        Path ndjson = Files.writeString(directory.resolve("payouts.ndjson"), "{\"name\": \"a\", \"amount\": 0.0000000001}\n{\"name\": \"b\", \"amount\": true}\n");

        assertThatThrownBy(() -> RowFileReader.read(PAYOUTS, List.of(ndjson)))
                .isInstanceOf(FleetException.class)
                .hasMessageContaining("payouts.ndjson:1: column 'amount': '1E-10' does not fit NUMERIC(38, 9)")
                .hasMessageContaining("payouts.ndjson:2: column 'amount': true is not a NUMERIC");
    }
}
