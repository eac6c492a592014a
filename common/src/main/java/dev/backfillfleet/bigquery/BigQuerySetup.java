package dev.backfillfleet.bigquery;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Dataset;
import com.google.cloud.bigquery.DatasetId;
import com.google.cloud.bigquery.DatasetInfo;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.StandardSQLTypeName;
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDefinition;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
import dev.backfillfleet.schema.RawTables;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.support.Lazy;
import dev.backfillfleet.warehouse.TableSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The warehouse's BigQuery resources: the datasets (in the configured location) and every
 * catalog table with its schema and partitioning.
 *
 * <p>The raw tables ({@code nba_raw}, {@code nba_static}) are the user's: in a real warehouse they
 * exist with many more columns than the fleet reads, and may be views. Such a table or view is
 * accepted as it is; only a column the fleet reads that is missing, or of another type, is a
 * finding, naming it (a missing raw table is created, for a warehouse without one). The analytics
 * tables are the fleet's: one that exists with other columns is updated when the change only adds
 * nullable columns (what BigQuery allows in place); anything else is left to a person.
 *
 * <p>At start-up a worker checks that every table it reads and writes exists, that the raw tables
 * have the columns it reads, and that it may run jobs (a dry-run query, which costs nothing).
 */
public final class BigQuerySetup
        implements Provisioner, StartupCheck
{
    private final BigQueryWarehouseSettings settings;
    private final SchemaCatalog catalog;
    private final Lazy<BigQuery> client;

    public BigQuerySetup(BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.client = Lazy.of(() -> BigQueryWarehouse.createClient(settings));
    }

    @Override
    public String system()
    {
        return "BigQuery" + settings.host().map(host -> " (" + host + ")").orElse("");
    }

    @Override
    public List<PlannedChange> plan()
    {
        try {
            List<PlannedChange> plan = new ArrayList<>();
            for (String dataset : new TreeSet<>(catalog.all().stream().map(schema -> settings.dataset(schema.ref().dataset())).toList())) {
                plan.add(dataset(dataset));
            }
            for (TableSchema schema : catalog.all()) {
                plan.add(table(schema));
            }
            return plan;
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate("setup", e);
        }
    }

    private PlannedChange dataset(String dataset)
    {
        DatasetId id = DatasetId.of(settings.projectId(), dataset);
        String resource = "dataset " + settings.projectId() + "." + dataset;
        Dataset existing = client.get().getDataset(id);
        if (existing != null) {
            String location = settings.location().orElse(existing.getLocation());
            return Objects.equals(existing.getLocation(), location)
                    ? PlannedChange.exists(resource, "exists in " + existing.getLocation())
                    : PlannedChange.manual(resource, "is in " + existing.getLocation() + ", not " + location + "; a dataset cannot move: set backfill.bigquery-location");
        }
        DatasetInfo.Builder wanted = DatasetInfo.newBuilder(id);
        settings.location().ifPresent(wanted::setLocation);
        return PlannedChange.create(resource, "missing", () -> client.get().create(wanted.build()));
    }

    private PlannedChange table(TableSchema schema)
    {
        TableId id = TableId.of(settings.projectId(), settings.dataset(schema.ref().dataset()), schema.ref().table());
        String resource = "table " + id.getProject() + "." + id.getDataset() + "." + id.getTable();
        StandardTableDefinition wanted = BigQuerySchemas.definition(schema);
        Table existing = client.get().getTable(id);
        if (existing == null) {
            return PlannedChange.create(resource, "missing", () -> client.get().create(TableInfo.of(id, wanted)));
        }
        TableDefinition definition = existing.getDefinition();
        if (isRead(schema)) {
            return readOnly(resource, schema, definition);
        }
        if (!(definition instanceof StandardTableDefinition have)) {
            return PlannedChange.manual(resource, "is a " + kind(definition) + ", not a table: the fleet writes its partitions; drop it"
                    + " (or point backfill.bigquery-dataset-analytics at another dataset) and run setup");
        }
        if (!Objects.equals(have.getTimePartitioning() == null ? null : have.getTimePartitioning().getField(),
                wanted.getTimePartitioning() == null ? null : wanted.getTimePartitioning().getField())) {
            return PlannedChange.manual(resource, "is partitioned " + describe(have) + ", not " + describe(wanted)
                    + "; partitioning cannot change in place: recreate the table");
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        Map<String, Field> haveFields = fieldsByName(have.getSchema());
        for (Field field : wanted.getSchema().getFields()) {
            Field current = haveFields.remove(field.getName());
            if (current == null) {
                (field.getMode() == Field.Mode.REQUIRED ? changed : added).add(field.getName());
            }
            else if (!typeName(current).equals(typeName(field)) || !Objects.equals(mode(current), mode(field))) {
                changed.add(field.getName() + " (" + typeName(current) + " " + mode(current) + " -> " + typeName(field) + " " + mode(field) + ")");
            }
        }
        changed.addAll(haveFields.keySet().stream().map(name -> name + " (not in the schema)").toList());
        if (!changed.isEmpty()) {
            return PlannedChange.manual(resource, "columns differ from the schema: " + String.join(", ", changed)
                    + "; BigQuery changes only by adding nullable columns: migrate the table by hand");
        }
        if (!added.isEmpty()) {
            return PlannedChange.update(resource, "add nullable columns " + String.join(", ", added),
                    () -> client.get().update(existing.toBuilder().setDefinition(have.toBuilder().setSchema(wanted.getSchema()).build()).build()));
        }
        return PlannedChange.exists(resource, "exists as configured");
    }

    /** A raw table is read, never written, by the fleet: the raw and static datasets. */
    private static boolean isRead(TableSchema schema)
    {
        return schema.ref().dataset().equals(RawTables.RAW_DATASET) || schema.ref().dataset().equals(RawTables.STATIC_DATASET);
    }

    /**
     * A table or view the fleet only reads: fine when it has every column the fleet reads, in its
     * type; more columns, other modes and any partitioning are its owner's business.
     */
    private static PlannedChange readOnly(String resource, TableSchema schema, TableDefinition have)
    {
        List<String> problems = readProblems(schema, have);
        if (!problems.isEmpty()) {
            return PlannedChange.manual(resource, "the " + kind(have) + " lacks what the fleet reads: " + String.join(", ", problems)
                    + "; add " + (problems.size() == 1 ? "it" : "them") + " to the " + kind(have) + " (a view over it may rename or cast a column)");
        }
        int others = fieldsByName(have.getSchema()).size() - schema.columns().size();
        return PlannedChange.exists(resource, "a " + kind(have) + " with the " + schema.columns().size() + " columns the fleet reads"
                + (others > 0 ? " (and " + others + " it does not)" : ""));
    }

    /** The columns of {@code schema} that {@code have} lacks, or has in another type, named with what is needed. */
    private static List<String> readProblems(TableSchema schema, TableDefinition have)
    {
        Map<String, Field> haveFields = fieldsByName(have.getSchema());
        List<String> problems = new ArrayList<>();
        for (Field field : BigQuerySchemas.schema(schema).getFields()) {
            Field current = haveFields.get(field.getName());
            if (current == null) {
                problems.add("column " + field.getName() + " (" + typeName(field) + ") is missing");
            }
            else if (!baseType(current).equals(baseType(field))) {
                problems.add("column " + field.getName() + " is " + typeName(current) + ", not " + typeName(field));
            }
        }
        return problems;
    }

    /** The standard SQL type (INT64, not the legacy INTEGER the API may return). */
    private static StandardSQLTypeName baseType(Field field)
    {
        return field.getType().getStandardType();
    }

    /** The type as written in SQL, NUMERIC with its precision and scale: {@code NUMERIC(6, 2)}. */
    private static String typeName(Field field)
    {
        String base = baseType(field).name();
        return field.getPrecision() == null ? base : base + "(" + field.getPrecision() + (field.getScale() == null ? "" : ", " + field.getScale()) + ")";
    }

    private static String kind(TableDefinition definition)
    {
        return switch (definition.getType().name()) {
            case "VIEW" -> "view";
            case "MATERIALIZED_VIEW" -> "materialized view";
            case "EXTERNAL" -> "external table";
            default -> "table";
        };
    }

    private static Map<String, Field> fieldsByName(Schema schema)
    {
        Map<String, Field> fields = new java.util.LinkedHashMap<>();
        if (schema != null) {
            schema.getFields().forEach(field -> fields.put(field.getName(), field));
        }
        return fields;
    }

    private static Field.Mode mode(Field field)
    {
        return field.getMode() == null ? Field.Mode.NULLABLE : field.getMode();
    }

    private static String describe(StandardTableDefinition definition)
    {
        return definition.getTimePartitioning() == null ? "not at all" : "on " + definition.getTimePartitioning().getField();
    }

    /**
     * A worker reads the raw tables and writes the analytics tables: all must exist, and a
     * dry-run query proves it may run jobs (bigquery.jobs.create) and read the data.
     */
    @Override
    public void check(ProcessRole role)
    {
        if (role != ProcessRole.WORKER) {
            return;
        }
        try {
            for (TableSchema schema : catalog.all()) {
                TableId id = TableId.of(settings.projectId(), settings.dataset(schema.ref().dataset()), schema.ref().table());
                String name = id.getProject() + "." + id.getDataset() + "." + id.getTable();
                Table table = client.get().getTable(id);
                if (table == null) {
                    throw FleetException.environment("BigQuery table " + name + " does not exist: create it with 'coordinator setup' (or infra/terraform)", null);
                }
                TableDefinition definition = table.getDefinition();
                List<String> problems = isRead(schema) ? readProblems(schema, definition) : List.of();
                if (!problems.isEmpty()) {
                    throw FleetException.environment("BigQuery " + kind(definition) + " " + name + " lacks what the fleet reads: "
                            + String.join(", ", problems) + " ('coordinator setup --dry-run' lists every raw table that does)", null);
                }
            }
            TableId probe = TableId.of(settings.projectId(), settings.dataset(AnalyticsTable.DATASET), AnalyticsTable.SYNTHETIC.tableName());
            client.get().create(JobInfo.of(QueryJobConfiguration.newBuilder("SELECT COUNT(*) FROM " + BigQueryWarehouse.sqlName(probe))
                    .setDryRun(true).setUseLegacySql(false).build()));
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate("start-up check", e);
        }
        catch (RuntimeException e) {
            if (e instanceof FleetException) {
                throw e;
            }
            throw FleetException.environment("BigQuery start-up check failed: " + e.getMessage(), e);
        }
    }
}
