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
import com.google.cloud.bigquery.StandardTableDefinition;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.provision.PlannedChange;
import dev.backfillfleet.provision.ProcessRole;
import dev.backfillfleet.provision.Provisioner;
import dev.backfillfleet.provision.StartupCheck;
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
 * catalog table with its schema and partitioning. A table that exists with other columns is
 * updated when the change only adds nullable columns (what BigQuery allows in place); anything
 * else is left to a person. At start-up a worker checks that every table it reads and writes
 * exists and that it may run jobs (a dry-run query, which costs nothing).
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
        StandardTableDefinition have = existing.getDefinition();
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
            else if (!current.getType().equals(field.getType()) || !Objects.equals(mode(current), mode(field))) {
                changed.add(field.getName() + " (" + current.getType() + " " + mode(current) + " -> " + field.getType() + " " + mode(field) + ")");
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
                if (client.get().getTable(id) == null) {
                    throw FleetException.environment("BigQuery table " + id.getProject() + "." + id.getDataset() + "." + id.getTable()
                            + " does not exist: create it with 'coordinator setup' (or infra/terraform)", null);
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
