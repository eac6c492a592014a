package dev.backfillfleet.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.bigquery.Clustering;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TimePartitioning;
import dev.backfillfleet.schema.TableClustering;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableSchema;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our {@link TableSchema} in BigQuery's terms: the schema, DAY partitioning on the partition
 * column, clustering, rows as newline-delimited JSON for load jobs, and result rows back as
 * {@link Row}. The table definition here is the one infra/ deploys (its files are generated
 * from it and a test in infra/ compares them).
 */
public final class BigQuerySchemas
{
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BigQuerySchemas() {}

    public static Schema schema(TableSchema table)
    {
        return Schema.of(table.columns().stream().map(BigQuerySchemas::field).toList());
    }

    public static Field field(Column column)
    {
        Field.Builder field = Field.newBuilder(column.name(), sqlType(column.type()))
                .setMode(column.nullable() ? Field.Mode.NULLABLE : Field.Mode.REQUIRED);
        if (column.type() == ColumnType.NUMERIC) {
            field.setPrecision((long) column.precision()).setScale((long) column.scale());
        }
        return field.build();
    }

    /** The column type of a BigQuery type, if the fleet has one for it. */
    public static java.util.Optional<ColumnType> columnType(StandardSQLTypeName type)
    {
        return java.util.Arrays.stream(ColumnType.values()).filter(candidate -> sqlType(candidate) == type).findFirst();
    }

    public static StandardSQLTypeName sqlType(ColumnType type)
    {
        return switch (type) {
            case STRING -> StandardSQLTypeName.STRING;
            case INT64 -> StandardSQLTypeName.INT64;
            case FLOAT64 -> StandardSQLTypeName.FLOAT64;
            case NUMERIC -> StandardSQLTypeName.NUMERIC;
            case BOOL -> StandardSQLTypeName.BOOL;
            case DATE -> StandardSQLTypeName.DATE;
            case TIMESTAMP -> StandardSQLTypeName.TIMESTAMP;
        };
    }

    /** DAY partitioning on the partition column, if the table has one. */
    public static Optional<TimePartitioning> partitioning(TableSchema table)
    {
        return table.partitionColumn().map(column -> TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField(column).build());
    }

    /** The clustering columns of {@code table} ({@link TableClustering}), if it has any. */
    public static Optional<Clustering> clustering(TableSchema table)
    {
        List<String> columns = TableClustering.columns(table);
        return columns.isEmpty() ? Optional.empty() : Optional.of(Clustering.newBuilder().setFields(columns).build());
    }

    public static StandardTableDefinition definition(TableSchema table)
    {
        StandardTableDefinition.Builder builder = StandardTableDefinition.newBuilder().setSchema(schema(table));
        partitioning(table).ifPresent(builder::setTimePartitioning);
        clustering(table).ifPresent(builder::setClustering);
        return builder.build();
    }

    /** Validated rows as newline-delimited JSON, columns in schema order, nulls explicit. */
    static byte[] newlineDelimitedJson(TableSchema table, List<Row> rows)
    {
        StringBuilder json = new StringBuilder();
        for (Row row : rows) {
            ObjectNode node = MAPPER.createObjectNode();
            for (Column column : table.columns()) {
                Object value = row.get(column.name());
                if (value == null) {
                    node.putNull(column.name());
                    continue;
                }
                switch (column.type()) {
                    case STRING -> node.put(column.name(), (String) value);
                    case INT64 -> node.put(column.name(), (Long) value);
                    case FLOAT64 -> node.put(column.name(), (Double) value);
                    // a JSON string, which a load job reads into NUMERIC exactly
                    case NUMERIC -> node.put(column.name(), ((BigDecimal) value).toPlainString());
                    case BOOL -> node.put(column.name(), (Boolean) value);
                    case DATE -> node.put(column.name(), value.toString());
                    // RFC 3339 with microseconds, which a JSON load accepts for TIMESTAMP
                    case TIMESTAMP -> node.put(column.name(), value.toString());
                }
            }
            json.append(node).append('\n');
        }
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A result row of a query that selected {@code columns}, in that order. */
    static Row row(List<Column> columns, FieldValueList values)
    {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Column column : columns) {
            FieldValue value = values.get(column.name());
            row.put(column.name(), value.isNull() ? null : value(column, value));
        }
        return new Row(row);
    }

    private static Object value(Column column, FieldValue value)
    {
        return switch (column.type()) {
            case STRING -> value.getStringValue();
            case INT64 -> value.getLongValue();
            case FLOAT64 -> value.getDoubleValue();
            case NUMERIC -> column.normalize(value.getNumericValue());
            case BOOL -> value.getBooleanValue();
            case DATE -> LocalDate.parse(value.getStringValue());
            case TIMESTAMP -> timestamp(value);
        };
    }

    private static Instant timestamp(FieldValue value)
    {
        long micros = value.getTimestampValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
