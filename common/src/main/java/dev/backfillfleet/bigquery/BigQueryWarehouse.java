package dev.backfillfleet.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableInfo;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import static java.util.Objects.requireNonNull;

/**
 * The production warehouse on BigQuery.
 *
 * <p>Reads are parameterised query jobs at BATCH priority, filtered on the partition column so
 * that only the window's partitions are scanned (and billed, up to maximumBytesBilled).
 *
 * <p>A partition is replaced by ONE load job per (table, date): newline-delimited JSON uploaded
 * into {@code table$YYYYMMDD} with WRITE_TRUNCATE, so the partition is swapped atomically (one
 * partition modification, one load job of the table's 1,500 a day). No MERGE, no DML, no
 * streaming. An empty row list is written by a query job that selects nothing into
 * {@code table$YYYYMMDD} with WRITE_TRUNCATE (the client never submits an empty upload).
 *
 * <p>Job ids are deterministic: {@code bf_load_<dataset>_<table>_<YYYYMMDD>_<content hash>}. The
 * port has no attempt number, so the content (the exact bytes loaded) stands in for it: a
 * retried submission of the same write reuses the id, and BigQuery answers "already exists";
 * the adapter then fetches that job and waits for it instead of loading twice. Because a later,
 * separate write of the same content (A, then B, then A again) must not be mistaken for a
 * retry, a duplicate whose job finished more than {@code reuseWindow} ago is not reused: the
 * write moves on to the next generation id ({@code ..._g1}, {@code ..._g2}, ...). The window
 * is longer than the worker's in-process retries, so a real retry always reuses.
 *
 * <p>Per-process, at most {@code maxConcurrentWritesPerTable} writes run per table; the
 * fleet-wide bound is the state store's per-table capacity. Transport retries are the client's
 * own RetrySettings; failures are classified by {@link BigQueryFailures}.
 */
public final class BigQueryWarehouse
        implements Warehouse
{
    private static final Logger log = LoggerFactory.getLogger(BigQueryWarehouse.class);
    private static final DateTimeFormatter PARTITION_DECORATOR = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_GENERATIONS = 1_000;

    private final BigQuery bigquery;
    private final BigQueryWarehouseSettings settings;
    private final SchemaCatalog catalog;
    private final Clock clock;
    private final Map<TableRef, Semaphore> writeSlots = new ConcurrentHashMap<>();

    public BigQueryWarehouse(BigQuery bigquery, BigQueryWarehouseSettings settings, SchemaCatalog catalog, Clock clock)
    {
        this.bigquery = requireNonNull(bigquery, "bigquery is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public static BigQueryWarehouse create(BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        return new BigQueryWarehouse(createClient(settings), settings, catalog, Clock.systemUTC());
    }

    /**
     * The client: application default credentials against Google, or, with a host override (a
     * local stand-in), no credentials at all.
     */
    public static BigQuery createClient(BigQueryWarehouseSettings settings)
    {
        BigQueryOptions.Builder builder = BigQueryOptions.newBuilder()
                .setProjectId(settings.projectId())
                .setRetrySettings(ServiceOptions.getDefaultRetrySettings().toBuilder().setMaxAttempts(settings.maxTransportAttempts()).build());
        settings.location().ifPresent(builder::setLocation);
        settings.host().ifPresent(host -> builder.setHost(host).setCredentials(NoCredentials.getInstance()));
        return builder.build().getService();
    }

    /** Creates every catalog table that is missing, with its schema and DAY partitioning. */
    public void ensureTables()
    {
        for (TableSchema schema : catalog.all()) {
            TableId id = tableId(schema.ref());
            try {
                if (bigquery.getTable(id) == null) {
                    bigquery.create(TableInfo.of(id, BigQuerySchemas.definition(schema)));
                    log.info("created table {}", id);
                }
            }
            catch (BigQueryException e) {
                if (e.getCode() != 409) {
                    throw BigQueryFailures.translate("creation of table " + schema.ref(), e);
                }
            }
        }
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates)
    {
        TableSchema schema = catalog.schema(table);
        String partitionColumn = schema.partitionColumn()
                .orElseThrow(() -> FleetException.permanentFailure(table + " is not partitioned; use readAll"));
        QueryJobConfiguration query = query("SELECT * FROM " + sqlName(table) + " WHERE " + partitionColumn + " BETWEEN @first AND @last")
                .addNamedParameter("first", QueryParameterValue.date(dates.first().toString()))
                .addNamedParameter("last", QueryParameterValue.date(dates.last().toString()))
                .build();
        return runQuery("read of " + table + " " + dates, query).stream().map(values -> BigQuerySchemas.row(schema, values)).toList();
    }

    @Override
    public List<Row> readAll(TableRef table)
    {
        TableSchema schema = catalog.schema(table);
        return runQuery("read of " + table, query("SELECT * FROM " + sqlName(table)).build()).stream()
                .map(values -> BigQuerySchemas.row(schema, values))
                .toList();
    }

    @Override
    public long countPartition(TableRef table, LocalDate date)
    {
        TableSchema schema = catalog.schema(table);
        String partitionColumn = schema.partitionColumn().orElseThrow(() -> FleetException.permanentFailure(table + " is not partitioned"));
        QueryJobConfiguration query = query("SELECT COUNT(*) AS row_count FROM " + sqlName(table) + " WHERE " + partitionColumn + " = @date")
                .addNamedParameter("date", QueryParameterValue.date(date.toString()))
                .build();
        List<FieldValueList> rows = runQuery("count of " + table + " " + date, query);
        return rows.isEmpty() ? 0 : rows.get(0).get("row_count").getLongValue();
    }

    @Override
    public long replacePartition(TableRef table, LocalDate date, List<Row> rows)
    {
        TableSchema schema = catalog.schema(table);
        List<Row> validated = validatePartition(schema, date, rows);
        return loadPartition(schema, date, validated);
    }

    @Override
    public void replacePartitions(TableRef table, Map<LocalDate, List<Row>> partitions)
    {
        TableSchema schema = catalog.schema(table);
        Map<LocalDate, List<Row>> validated = new TreeMap<>();
        partitions.forEach((date, rows) -> validated.put(date, validatePartition(schema, date, rows)));
        validated.forEach((date, rows) -> loadPartition(schema, date, rows));
    }

    @Override
    public void replaceAll(TableRef table, List<Row> rows)
    {
        TableSchema schema = catalog.schema(table);
        if (schema.partitionColumn().isPresent()) {
            throw FleetException.permanentFailure(table + " is partitioned; replace its partitions");
        }
        List<Row> validated = new ArrayList<>(rows.size());
        for (Row row : rows) {
            validated.add(validate(schema, row));
        }
        withWriteSlot(table, () -> load(schema, tableId(table), "all", validated));
    }

    private long loadPartition(TableSchema schema, LocalDate date, List<Row> rows)
    {
        String decorator = date.format(PARTITION_DECORATOR);
        TableId base = tableId(schema.ref());
        TableId partition = TableId.of(base.getProject(), base.getDataset(), base.getTable() + "$" + decorator);
        return withWriteSlot(schema.ref(), () -> load(schema, partition, decorator, rows));
    }

    /**
     * One WRITE_TRUNCATE job into {@code destination}; returns the rows it wrote. Rows go up as
     * a load job. No rows: the client's resumable upload never submits an empty load, so an
     * empty partition is written by a query job selecting nothing into the destination, which
     * WRITE_TRUNCATE leaves empty (still one job, still one partition modification).
     */
    private long load(TableSchema schema, TableId destination, String suffix, List<Row> rows)
    {
        byte[] json = BigQuerySchemas.newlineDelimitedJson(schema, rows);
        String name = loadJobName(schema.ref(), suffix, json);
        String operation = "write into " + destination.getDataset() + "." + destination.getTable();
        for (int generation = 0; generation < MAX_GENERATIONS; generation++) {
            JobId jobId = jobId(generation == 0 ? name : name + "_g" + generation);
            Optional<Job> submitted = rows.isEmpty()
                    ? submitEmptyWrite(operation, jobId, schema, destination)
                    : submitLoad(operation, jobId, loadConfiguration(schema, destination), json);
            Job job;
            if (submitted.isPresent()) {
                job = submitted.get();
            }
            else {
                job = existingJob(operation, jobId);
                if (job == null) {
                    continue;
                }
                log.info("job {} already exists: this write was submitted before, reusing its result", jobId.getJob());
            }
            Job done = await(operation, job);
            if (rows.isEmpty()) {
                return 0;
            }
            JobStatistics.LoadStatistics statistics = done.getStatistics();
            return statistics == null || statistics.getOutputRows() == null ? rows.size() : statistics.getOutputRows();
        }
        throw FleetException.permanentFailure(operation + ": " + MAX_GENERATIONS + " job ids for the same content are taken");
    }

    private static WriteChannelConfiguration loadConfiguration(TableSchema schema, TableId destination)
    {
        return WriteChannelConfiguration.newBuilder(destination)
                .setFormatOptions(FormatOptions.json())
                .setSchema(BigQuerySchemas.schema(schema))
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                .setMaxBadRecords(0)
                .setIgnoreUnknownValues(false)
                .build();
    }

    /** A query job selecting no rows into the destination with WRITE_TRUNCATE; empty if the id is taken. */
    private Optional<Job> submitEmptyWrite(String operation, JobId jobId, TableSchema schema, TableId destination)
    {
        QueryJobConfiguration query = query("SELECT * FROM " + sqlName(schema.ref()) + " WHERE FALSE")
                .setDestinationTable(destination)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                .build();
        try {
            return Optional.of(bigquery.create(JobInfo.of(jobId, query)));
        }
        catch (BigQueryException e) {
            if (isDuplicate(e)) {
                return Optional.empty();
            }
            throw BigQueryFailures.translate(operation, e);
        }
    }

    /** The job a duplicate id names, or null if it is an older, separate write of the same content. */
    private Job existingJob(String operation, JobId jobId)
    {
        Job existing;
        try {
            existing = bigquery.getJob(jobId);
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate(operation + " (fetching duplicate job " + jobId.getJob() + ")", e);
        }
        if (existing == null) {
            throw new FleetException(ErrorClass.TRANSIENT, operation + ": job " + jobId.getJob() + " exists but cannot be read yet");
        }
        JobStatistics statistics = existing.getStatistics();
        Long endTime = statistics == null ? null : statistics.getEndTime();
        if (existing.getStatus() != null && existing.getStatus().getState() == com.google.cloud.bigquery.JobStatus.State.DONE
                && endTime != null && clock.millis() - endTime > settings.reuseWindow().toMillis()) {
            return null;
        }
        return existing;
    }

    /** Uploads and submits; empty if the job id is already taken. */
    private Optional<Job> submitLoad(String operation, JobId jobId, WriteChannelConfiguration configuration, byte[] json)
    {
        TableDataWriteChannel writer = null;
        try {
            writer = bigquery.writer(jobId, configuration);
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                writer.write(buffer);
            }
            writer.close();
            return Optional.of(requireNonNull(writer.getJob(), "the upload returned no job"));
        }
        catch (BigQueryException e) {
            if (isDuplicate(e)) {
                return Optional.empty();
            }
            throw BigQueryFailures.translate(operation, e);
        }
        catch (IOException e) {
            BigQueryException cause = findBigQueryException(e);
            if (cause != null && isDuplicate(cause)) {
                return Optional.empty();
            }
            if (cause != null) {
                throw BigQueryFailures.translate(operation, cause);
            }
            throw new FleetException(ErrorClass.TRANSIENT, "bigquery " + operation + " upload failed: " + e.getMessage(), e);
        }
    }

    private static boolean isDuplicate(BigQueryException e)
    {
        return e.getCode() == 409 || "duplicate".equals(e.getReason());
    }

    private static BigQueryException findBigQueryException(Throwable failure)
    {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof BigQueryException bigQueryException) {
                return bigQueryException;
            }
        }
        return null;
    }

    private List<FieldValueList> runQuery(String operation, QueryJobConfiguration query)
    {
        try {
            Job job = bigquery.create(JobInfo.of(jobId("bf_query_" + UUID.randomUUID().toString().replace("-", "")), query));
            Job done = await(operation, job);
            TableResult result = done.getQueryResults();
            List<FieldValueList> rows = new ArrayList<>();
            result.iterateAll().forEach(rows::add);
            return rows;
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate(operation, e);
        }
        catch (InterruptedException e) {
            throw BigQueryFailures.interrupted(operation, e);
        }
    }

    private static Job await(String operation, Job job)
    {
        Job done;
        try {
            done = job.waitFor();
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate(operation, e);
        }
        catch (InterruptedException e) {
            throw BigQueryFailures.interrupted(operation, e);
        }
        if (done == null) {
            throw FleetException.permanentFailure("bigquery " + operation + ": job " + job.getJobId().getJob() + " no longer exists");
        }
        BigQueryError error = done.getStatus() == null ? null : done.getStatus().getError();
        if (error != null) {
            throw BigQueryFailures.jobFailed(operation + " (job " + done.getJobId().getJob() + ")", error);
        }
        return done;
    }

    private QueryJobConfiguration.Builder query(String sql)
    {
        QueryJobConfiguration.Builder builder = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .setPriority(QueryJobConfiguration.Priority.BATCH);
        settings.maximumBytesBilled().ifPresent(builder::setMaximumBytesBilled);
        return builder;
    }

    private JobId jobId(String name)
    {
        JobId.Builder builder = JobId.newBuilder().setProject(settings.projectId()).setJob(name);
        settings.location().ifPresent(builder::setLocation);
        return builder.build();
    }

    static String loadJobName(TableRef table, String suffix, byte[] content)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((table + "$" + suffix + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hash = HexFormat.of().formatHex(digest.digest(content)).substring(0, 32);
            return "bf_load_" + table.dataset() + "_" + table.table() + "_" + suffix + "_" + hash;
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String sqlName(TableRef table)
    {
        TableId id = tableId(table);
        return "`" + id.getProject() + "." + id.getDataset() + "." + id.getTable() + "`";
    }

    private TableId tableId(TableRef table)
    {
        return TableId.of(settings.projectId(), settings.dataset(table.dataset()), table.table());
    }

    private static List<Row> validatePartition(TableSchema schema, LocalDate date, List<Row> rows)
    {
        String partitionColumn = schema.partitionColumn()
                .orElseThrow(() -> FleetException.permanentFailure(schema.ref() + " is not partitioned; use replaceAll"));
        List<Row> validated = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Row checked = validate(schema, row);
            if (!date.equals(checked.getDate(partitionColumn))) {
                throw FleetException.permanentFailure(schema.ref() + ": row for " + checked.get(partitionColumn) + " written to partition " + date);
            }
            validated.add(checked);
        }
        return validated;
    }

    private static Row validate(TableSchema schema, Row row)
    {
        try {
            return schema.validate(row);
        }
        catch (IllegalArgumentException e) {
            throw new FleetException(ErrorClass.PERMANENT, e.getMessage(), e);
        }
    }

    private <T> T withWriteSlot(TableRef table, java.util.function.Supplier<T> write)
    {
        Semaphore slots = writeSlots.computeIfAbsent(table, ignored -> new Semaphore(settings.maxConcurrentWritesPerTable(), true));
        try {
            slots.acquire();
        }
        catch (InterruptedException e) {
            throw BigQueryFailures.interrupted("write to " + table, e);
        }
        try {
            return write.get();
        }
        finally {
            slots.release();
        }
    }
}
