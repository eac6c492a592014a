package dev.backfillfleet.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TimePartitioning;
import com.google.cloud.bigquery.ViewDefinition;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The raw tables of a real warehouse on the BigQuery stand-in, as the real loaders leave them:
 * each with more columns than the fleet reads (the real tables have 20 to 63), some of the columns
 * read NULLABLE where the fleet's schema says REQUIRED, and the schedule a view (the real
 * pipeline reads {@code v_nbac_schedule_latest}). {@link #replace} changes one of them, e.g. to
 * drop a column the fleet needs.
 */
public final class RealShapedTables
{
    /** A few of the real tables' columns that the fleet does not read. */
    static final List<Field> NOT_READ = List.of(
            Field.of("source_file_path", StandardSQLTypeName.STRING),
            Field.of("scrape_timestamp", StandardSQLTypeName.TIMESTAMP),
            Field.of("data_hash", StandardSQLTypeName.STRING),
            Field.newBuilder("spread_public_betting_pct", StandardSQLTypeName.NUMERIC).setPrecision(5L).setScale(2L).build());

    private final BigQuery client;
    private final String project;
    private final Map<String, String> datasets;

    public RealShapedTables(String url, String project, Map<String, String> datasets)
    {
        this.client = BigQueryOptions.newBuilder().setProjectId(project).setHost(url).setCredentials(NoCredentials.getInstance()).build().getService();
        this.project = project;
        this.datasets = Map.copyOf(datasets);
    }

    /** Replaces every raw table the fleet reads with its real shape; the schedule becomes a view. */
    public void createAll()
    {
        for (TableSchema schema : SchemaCatalog.standard().all()) {
            if (schema.ref().dataset().equals(RawTables.RAW_DATASET) || schema.ref().dataset().equals(RawTables.STATIC_DATASET)) {
                replace(schema.ref(), fields -> fields);
            }
        }
    }

    /** Replaces {@code table} with its real shape after {@code change} to its fields. */
    public void replace(TableRef table, UnaryOperator<List<Field>> change)
    {
        TableSchema schema = SchemaCatalog.standard().schema(table);
        List<Field> fields = new ArrayList<>();
        for (Field field : BigQuerySchemas.schema(schema).getFields()) {
            // the real game_date of the props is REQUIRED, its bookmaker NULLABLE: modes are the owner's
            fields.add(field.getName().equals("bookmaker") || field.getName().equals("game_id") ? field.toBuilder().setMode(Field.Mode.NULLABLE).build() : field);
        }
        fields.addAll(NOT_READ.stream().filter(extra -> fields.stream().noneMatch(field -> field.getName().equals(extra.getName()))).toList());
        Schema real = Schema.of(change.apply(fields));
        TableId id = TableId.of(project, datasets.getOrDefault(table.dataset(), table.dataset()), table.table());
        client.delete(id);
        TableDefinition definition = table.equals(RawTables.SCHEDULE)
                ? ViewDefinition.newBuilder("SELECT * FROM `" + id.getDataset() + ".nbac_schedule_base`").setSchema(real).build()
                : schema.partitionColumn().map(column -> (TableDefinition) StandardTableDefinition.newBuilder().setSchema(real)
                        .setTimePartitioning(TimePartitioning.newBuilder(TimePartitioning.Type.DAY).setField(column).build()).build())
                .orElse(StandardTableDefinition.of(real));
        client.create(TableInfo.of(id, definition));
    }

    /** {@code fields} without the one named {@code name}. */
    public static List<Field> without(List<Field> fields, String name)
    {
        return fields.stream().filter(field -> !field.getName().equals(name)).toList();
    }

    /** {@code fields} with the one named {@code name} of another type. */
    public static List<Field> retyped(List<Field> fields, String name, StandardSQLTypeName type)
    {
        return fields.stream().map(field -> field.getName().equals(name) ? Field.newBuilder(name, type).setMode(field.getMode()).build() : field).toList();
    }
}
