package dev.backfillfleet.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.RetryOption;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryError;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValueList;
import com.google.cloud.bigquery.FormatOptions;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobId;
import com.google.cloud.bigquery.JobInfo;
import com.google.cloud.bigquery.JobStatistics;
import com.google.cloud.bigquery.JobStatus;
import com.google.cloud.bigquery.QueryJobConfiguration;
import com.google.cloud.bigquery.QueryParameterValue;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableDataWriteChannel;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.TableResult;
import com.google.cloud.bigquery.WriteChannelConfiguration;
import dev.backfillfleet.catalog.SqlDialect;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schema.SchemaCatalog;
import dev.backfillfleet.support.Lazy;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.Column;
import dev.backfillfleet.warehouse.ColumnType;
import dev.backfillfleet.warehouse.Row;
import dev.backfillfleet.warehouse.SelectedColumn;
import dev.backfillfleet.warehouse.TableRef;
import dev.backfillfleet.warehouse.TableSchema;
import dev.backfillfleet.warehouse.Warehouse;
import dev.backfillfleet.warehouse.WriteToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * <p>Reads are parameterised query jobs that name the columns they read (never {@code SELECT *}),
 * filtered on the table's partition column so that only the window's partitions are scanned, at
 * INTERACTIVE priority unless configured BATCH, and billed up to maximumBytesBilled (see
 * {@link BigQueryWarehouseSettings}).
 *
 * <p>A partition is replaced by ONE load job per (table, date): newline-delimited JSON uploaded
 * into {@code table$YYYYMMDD} with WRITE_TRUNCATE, so the partition is swapped atomically (one
 * partition modification, one load job of the table's 1,500 a day). No MERGE, no DML, no
 * streaming. An empty partition is deleted through the partition decorator, as the
 * documentation describes for deleting one partition
 * (https://cloud.google.com/bigquery/docs/managing-partitioned-tables#delete_a_partition);
 * a table without partitions is emptied by a query job that selects nothing with WRITE_TRUNCATE,
 * which overwrites the table's data (https://cloud.google.com/bigquery/docs/reference/rest/v2/Job#JobConfigurationQuery).
 *
 * <p>Job ids are unique per (table, date, run, attempt, try) ({@link WriteToken}), so a retried
 * submission of one try reuses its id and BigQuery answers "already exists" (409): the adapter
 * then fetches that job and reuses it only if it is pending, running, or done without error. A
 * job that failed is not reused: its error is raised, and the next try has a new id.
 *
 * <p>A write waits at most {@code writeTimeout} for its job, then cancels it and waits, at most
 * {@code cancelSettle}, for the job's final state (a cancel is a request; the job may complete
 * anyway): a job that completed is the write, and counts as it; one that was stopped, or is still
 * running, fails the write transiently. The runner writes only with more lease left than both
 * together ({@link #maximumWriteTime()}), and its lease keeps being renewed meanwhile, so that a
 * stale worker's write cannot land after its successor's (see docs/google-cloud.md for the residue).
 * Per process, at most {@code maxConcurrentWritesPerTable} writes run per table; the fleet-wide
 * rate of partition writes is the runner's {@code PartitionWriteGate}. Transport retries are
 * the client's own RetrySettings; failures are classified by {@link BigQueryFailures}.
 *
 * <p>The client is built on first use: constructing the adapter looks up no credentials.
 */
public final class BigQueryWarehouse
        implements Warehouse
{
    private static final Logger log = LoggerFactory.getLogger(BigQueryWarehouse.class);
    private static final DateTimeFormatter PARTITION_DECORATOR = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(30);

    private final Lazy<BigQuery> client;
    private final BigQueryWarehouseSettings settings;
    private final SchemaCatalog catalog;
    private final Map<TableRef, Semaphore> writeSlots = new ConcurrentHashMap<>();

    public BigQueryWarehouse(BigQuery bigquery, BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        this(Lazy.of(() -> bigquery), settings, catalog);
        requireNonNull(bigquery, "bigquery is null");
    }

    private BigQueryWarehouse(Lazy<BigQuery> client, BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        this.client = requireNonNull(client, "client is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public static BigQueryWarehouse create(BigQueryWarehouseSettings settings, SchemaCatalog catalog)
    {
        return new BigQueryWarehouse(Lazy.of(() -> createClient(settings)), settings, catalog);
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

    private BigQuery bigquery()
    {
        try {
            return client.get();
        }
        catch (RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains("Application Default Credentials")) {
                throw FleetException.environment("BigQuery: no Google credentials found; " + dev.backfillfleet.support.CredentialsHelp.FIX, e);
            }
            throw e;
        }
    }

    @Override
    public Duration maximumWriteTime()
    {
        return settings.longestWrite();
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates)
    {
        TableSchema schema = catalog.schema(table);
        return readPartitions(schema, dates, schema.columns());
    }

    @Override
    public List<Row> read(TableRef table, DateRange dates, List<String> columnNames)
    {
        TableSchema schema = catalog.schema(table);
        return readPartitions(schema, dates, schema.columns(columnNames));
    }

    /** The named columns only: BigQuery bills the columns a query reads, not the rows it returns. */
    private List<Row> readPartitions(TableSchema schema, DateRange dates, List<Column> columns)
    {
        TableRef table = schema.ref();
        String partitionColumn = schema.partitionColumn()
                .orElseThrow(() -> FleetException.permanentFailure(table + " is not partitioned; use readAll"));
        QueryJobConfiguration query = query("SELECT " + columnList(columns) + " FROM " + sqlName(table) + " WHERE " + partitionColumn + " BETWEEN @first AND @last")
                .addNamedParameter("first", QueryParameterValue.date(dates.first().toString()))
                .addNamedParameter("last", QueryParameterValue.date(dates.last().toString()))
                .build();
        return runQuery("read of " + table + " " + dates, query).stream().map(values -> BigQuerySchemas.row(columns, values)).toList();
    }

    @Override
    public List<Row> readAll(TableRef table)
    {
        TableSchema schema = catalog.schema(table);
        return readWhole(schema, schema.columns());
    }

    @Override
    public List<Row> readAll(TableRef table, List<String> columnNames)
    {
        TableSchema schema = catalog.schema(table);
        return readWhole(schema, schema.columns(columnNames));
    }

    private List<Row> readWhole(TableSchema schema, List<Column> columns)
    {
        TableRef table = schema.ref();
        return runQuery("read of " + table, query("SELECT " + columnList(columns) + " FROM " + sqlName(table)).build()).stream()
                .map(values -> BigQuerySchemas.row(columns, values))
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

    /**
     * The table's (or view's) schema, read with tables.get: no query, nothing billed. Its dataset
     * is BigQuery's own id, not mapped through the configured datasets: it names another
     * pipeline's table. A field of a type the fleet has no column type for (BIGNUMERIC, JSON, a
     * RECORD, a REPEATED one), or whose name is not lower snake case, is left out.
     */
    @Override
    public Optional<List<Column>> describeTable(TableRef table)
    {
        Table existing;
        try {
            existing = bigquery().getTable(otherTableId(table));
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate("look-up of table " + table, e);
        }
        if (existing == null || existing.getDefinition() == null || existing.getDefinition().getSchema() == null) {
            return Optional.empty();
        }
        List<Column> columns = new ArrayList<>();
        for (Field field : existing.getDefinition().getSchema().getFields()) {
            Optional<ColumnType> type = BigQuerySchemas.columnType(field.getType().getStandardType());
            if (type.isEmpty() || field.getMode() == Field.Mode.REPEATED || !field.getName().matches("[a-z][a-z0-9_]*")) {
                continue;
            }
            boolean nullable = field.getMode() != Field.Mode.REQUIRED;
            if (type.get() == ColumnType.NUMERIC && field.getScale() != null && field.getPrecision() != null) {
                columns.add(new Column(field.getName(), ColumnType.NUMERIC, nullable, field.getPrecision().intValue(), field.getScale().intValue()));
            }
            else {
                columns.add(new Column(field.getName(), type.get(), nullable));
            }
        }
        return Optional.of(List.copyOf(columns));
    }

    /** Named columns and the date filter, as every read: BigQuery bills the columns a query names and, on a table partitioned by {@code dateColumn}, the partitions it filters to. */
    @Override
    public List<Row> readColumns(TableRef table, String dateColumn, DateRange dates, List<Column> columns)
    {
        if (!dateColumn.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a column name: '" + dateColumn + "'");
        }
        QueryJobConfiguration query = query("SELECT " + columnList(columns) + " FROM " + sqlName(otherTableId(table)) + " WHERE " + dateColumn + " BETWEEN @first AND @last")
                .addNamedParameter("first", QueryParameterValue.date(dates.first().toString()))
                .addNamedParameter("last", QueryParameterValue.date(dates.last().toString()))
                .build();
        return runQuery("read of " + table + " " + dates, query).stream().map(values -> BigQuerySchemas.row(columns, values)).toList();
    }

    private TableId otherTableId(TableRef table)
    {
        return TableId.of(settings.projectId(), table.dataset(), table.table());
    }

    @Override
    public long replacePartition(TableRef table, LocalDate date, List<Row> rows, WriteToken token)
    {
        TableSchema schema = catalog.schema(table);
        List<Row> validated = validatePartition(schema, date, rows);
        return loadPartition(schema, date, validated, token);
    }

    @Override
    public void replacePartitions(TableRef table, Map<LocalDate, List<Row>> partitions)
    {
        TableSchema schema = catalog.schema(table);
        Map<LocalDate, List<Row>> validated = new TreeMap<>();
        partitions.forEach((date, rows) -> validated.put(date, validatePartition(schema, date, rows)));
        WriteToken token = WriteToken.unfenced("import");
        validated.forEach((date, rows) -> loadPartition(schema, date, rows, token));
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
        withWriteSlot(table, () -> load(schema, tableId(table), "all", validated, WriteToken.unfenced("import")));
    }

    @Override
    public SqlDialect dialect()
    {
        return SqlDialect.BIGQUERY;
    }

    @Override
    public String sqlTableName(TableRef table)
    {
        return sqlName(table);
    }

    /**
     * One query job whose destination is {@code table$YYYYMMDD} with WRITE_TRUNCATE and the date
     * as the DATE parameter {@code @date}: no row passes through the worker. Its job id is the
     * write token's, as a load job's is, so a resubmitted try reuses it; BigQuery refuses a row of
     * another date than the decorator's (https://cloud.google.com/bigquery/docs/managing-partitioned-table-data#write-to-partition).
     * The partition then holds exactly what the query produced.
     */
    @Override
    public PartitionWrite replacePartitionWithSelect(TableRef table, LocalDate date, String select, WriteToken token)
    {
        catalog.schema(table);
        String decorator = date.format(PARTITION_DECORATOR);
        TableId base = tableId(table);
        TableId partition = TableId.of(base.getProject(), base.getDataset(), base.getTable() + "$" + decorator);
        String operation = "query into " + partition.getDataset() + "." + partition.getTable();
        QueryJobConfiguration query = query(select)
                .addNamedParameter("date", QueryParameterValue.date(date.toString()))
                .setDestinationTable(partition)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                .build();
        JobId jobId = jobId(queryJobName(table, decorator, token));
        withWriteSlot(table, () -> {
            Job job = submitQuery(operation, jobId, query).orElseGet(() -> reusableJob(operation, jobId));
            return await(operation, job, settings.writeTimeout());
        });
        long rows = countPartition(table, date);
        return new PartitionWrite(rows, rows);
    }

    /** {@code bf_query_<dataset>_<table>_<YYYYMMDD>_<run>_a<attempt>_t<try>}: unique per (table, date, run, attempt, try). */
    static String queryJobName(TableRef table, String suffix, WriteToken token)
    {
        return "bf_query_" + table.dataset() + "_" + table.table() + "_" + suffix + "_" + token.runId() + "_a" + token.attempt() + "_t" + token.tryNumber();
    }

    private Optional<Job> submitQuery(String operation, JobId jobId, QueryJobConfiguration query)
    {
        try {
            return Optional.of(bigquery().create(JobInfo.of(jobId, query)));
        }
        catch (BigQueryException e) {
            if (isDuplicate(e)) {
                return Optional.empty();
            }
            throw BigQueryFailures.translate(operation, e);
        }
    }

    @Override
    public long selectCount(String select, LocalDate date)
    {
        QueryJobConfiguration query = query(select).addNamedParameter("date", QueryParameterValue.date(date.toString())).build();
        List<FieldValueList> rows = runQuery("expected rows of " + date, query);
        if (rows.isEmpty() || rows.get(0).get(0).isNull()) {
            throw FleetException.permanentFailure("expected_rows for " + date + " gave no whole number: " + select.strip());
        }
        try {
            return rows.get(0).get(0).getLongValue();
        }
        catch (NumberFormatException e) {
            throw FleetException.permanentFailure("expected_rows for " + date + " gave '" + rows.get(0).get(0).getValue() + "', not a whole number");
        }
    }

    /** A dry-run query job: BigQuery compiles the SELECT and answers with its result's schema, at no cost (https://cloud.google.com/bigquery/docs/dry-run-queries). */
    @Override
    public List<SelectedColumn> describeSelect(String select)
    {
        QueryJobConfiguration query = query(select)
                .addNamedParameter("date", QueryParameterValue.date(LocalDate.EPOCH.toString()))
                .setDryRun(true)
                .build();
        Job job;
        try {
            job = bigquery().create(JobInfo.of(query));
        }
        catch (BigQueryException e) {
            if (e.getCode() == 400) {
                throw FleetException.userError("the SQL does not compile on BigQuery: " + e.getMessage());
            }
            throw BigQueryFailures.translate("dry run of a catalog table's SQL", e);
        }
        JobStatistics.QueryStatistics statistics = job.getStatistics();
        com.google.cloud.bigquery.Schema schema = statistics == null ? null : statistics.getSchema();
        if (schema == null) {
            throw FleetException.permanentFailure("the dry run of a catalog table's SQL returned no schema");
        }
        return schema.getFields().stream()
                .map(field -> new SelectedColumn(field.getName(), BigQuerySchemas.columnType(field.getType().getStandardType())))
                .toList();
    }

    private long loadPartition(TableSchema schema, LocalDate date, List<Row> rows, WriteToken token)
    {
        String decorator = date.format(PARTITION_DECORATOR);
        TableId base = tableId(schema.ref());
        TableId partition = TableId.of(base.getProject(), base.getDataset(), base.getTable() + "$" + decorator);
        if (rows.isEmpty()) {
            return withWriteSlot(schema.ref(), () -> deletePartition(partition));
        }
        return withWriteSlot(schema.ref(), () -> load(schema, partition, decorator, rows, token));
    }

    /** An empty partition is a deleted one: tables.delete on {@code table$YYYYMMDD}; a partition that never existed is already empty. */
    private long deletePartition(TableId partition)
    {
        String operation = "deletion of partition " + partition.getDataset() + "." + partition.getTable();
        try {
            if (!bigquery().delete(partition)) {
                log.debug("{}: the partition did not exist", operation);
            }
            return 0;
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate(operation, e);
        }
    }

    /** One WRITE_TRUNCATE job into {@code destination}; returns the rows it wrote. */
    private long load(TableSchema schema, TableId destination, String suffix, List<Row> rows, WriteToken token)
    {
        String operation = "write into " + destination.getDataset() + "." + destination.getTable();
        JobId jobId = jobId(loadJobName(schema.ref(), suffix, token));
        Optional<Job> submitted = rows.isEmpty()
                ? submitEmptyWrite(operation, jobId, schema, destination)
                : submitLoad(operation, jobId, loadConfiguration(schema, destination), BigQuerySchemas.newlineDelimitedJson(schema, rows));
        Job job = submitted.orElseGet(() -> reusableJob(operation, jobId));
        Job done = await(operation, job, settings.writeTimeout());
        if (rows.isEmpty()) {
            return 0;
        }
        JobStatistics.LoadStatistics statistics = done.getStatistics();
        return statistics == null || statistics.getOutputRows() == null ? rows.size() : statistics.getOutputRows();
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

    /** A query job selecting no rows into an unpartitioned table with WRITE_TRUNCATE; empty if the id is taken. */
    private Optional<Job> submitEmptyWrite(String operation, JobId jobId, TableSchema schema, TableId destination)
    {
        List<Column> columns = schema.columns();
        QueryJobConfiguration query = query("SELECT " + columnList(columns) + " FROM " + sqlName(schema.ref()) + " WHERE FALSE")
                .setDestinationTable(destination)
                .setWriteDisposition(JobInfo.WriteDisposition.WRITE_TRUNCATE)
                .setCreateDisposition(JobInfo.CreateDisposition.CREATE_NEVER)
                .build();
        try {
            return Optional.of(bigquery().create(JobInfo.of(jobId, query)));
        }
        catch (BigQueryException e) {
            if (isDuplicate(e)) {
                return Optional.empty();
            }
            throw BigQueryFailures.translate(operation, e);
        }
    }

    /**
     * The job an "already exists" answer names: this try was submitted before (a lost answer,
     * a transport retry). Reused while it is pending or running, or once done without error; a
     * failed one is not: its error is raised, and the next try gets a new id.
     */
    private Job reusableJob(String operation, JobId jobId)
    {
        Job existing;
        try {
            existing = bigquery().getJob(jobId);
        }
        catch (BigQueryException e) {
            throw BigQueryFailures.translate(operation + " (fetching duplicate job " + jobId.getJob() + ")", e);
        }
        if (existing == null) {
            throw new FleetException(ErrorClass.TRANSIENT, operation + ": job " + jobId.getJob() + " exists but cannot be read yet");
        }
        JobStatus status = existing.getStatus();
        if (status != null && status.getState() == JobStatus.State.DONE && status.getError() != null) {
            throw BigQueryFailures.jobFailed(operation + " (earlier submission " + jobId.getJob() + ")", status.getError());
        }
        log.info("job {} already exists ({}): this try was submitted before, reusing it", jobId.getJob(), status == null ? "no status" : status.getState());
        return existing;
    }

    /** Uploads and submits; empty if the job id is already taken. */
    private Optional<Job> submitLoad(String operation, JobId jobId, WriteChannelConfiguration configuration, byte[] json)
    {
        TableDataWriteChannel writer = null;
        try {
            writer = bigquery().writer(jobId, configuration);
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
            Job job = bigquery().create(JobInfo.of(jobId("bf_query_" + UUID.randomUUID().toString().replace("-", "")), query));
            Job done = await(operation, job, QUERY_TIMEOUT);
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

    /** Waits for the job; after {@code timeout} cancels it (best effort) and fails transiently. */
    private Job await(String operation, Job job, Duration timeout)
    {
        Job done;
        try {
            done = job.waitFor(RetryOption.totalTimeoutDuration(timeout));
        }
        catch (BigQueryException e) {
            Job current = bigquery().getJob(job.getJobId());
            if (current != null && !current.isDone()) {
                // the client gives up waiting with an exception of its own: the job itself is still running
                done = current;
            }
            else {
                throw BigQueryFailures.translate(operation, e);
            }
        }
        catch (InterruptedException e) {
            cancelQuietly(job);
            throw BigQueryFailures.interrupted(operation, e);
        }
        if (done == null) {
            throw new FleetException(ErrorClass.TRANSIENT, "bigquery " + operation + ": job " + job.getJobId().getJob() + " no longer exists");
        }
        if (!done.isDone()) {
            done = cancelAndSettle(operation, done, timeout);
        }
        BigQueryError error = done.getStatus() == null ? null : done.getStatus().getError();
        if (error != null) {
            throw BigQueryFailures.jobFailed(operation + " (job " + done.getJobId().getJob() + ")", error);
        }
        return done;
    }

    /**
     * Cancels a job that outlived its timeout and waits (at most {@code cancelSettle}) for its
     * final state: a job that completed anyway is returned, to count as the write rather than be
     * retried (each retry costs a partition modification and an attempt); a stopped job, or one
     * still running, fails the write transiently.
     */
    private Job cancelAndSettle(String operation, Job job, Duration timeout)
    {
        cancelQuietly(job);
        Job settled;
        try {
            settled = settings.cancelSettle().isZero() ? currentState(job) : job.waitFor(RetryOption.totalTimeoutDuration(settings.cancelSettle()));
        }
        catch (BigQueryException e) {
            // the client gives up waiting with an exception of its own: ask where the job is
            settled = currentState(job);
        }
        catch (InterruptedException e) {
            throw BigQueryFailures.interrupted(operation, e);
        }
        String name = job.getJobId().getJob();
        if (settled != null && settled.isDone() && (settled.getStatus() == null || settled.getStatus().getError() == null)) {
            log.warn("bigquery {}: job {} was cancelled after {} but completed anyway: it is the write", operation, name, timeout);
            return settled;
        }
        String state = settled == null ? "its state unknown" : settled.isDone() ? "stopped" : "still running " + settings.cancelSettle() + " later";
        throw new FleetException(ErrorClass.TRANSIENT, "bigquery " + operation + ": job " + name + " not done after " + timeout + "; cancelled (" + state + ")");
    }

    private Job currentState(Job job)
    {
        try {
            return bigquery().getJob(job.getJobId());
        }
        catch (BigQueryException e) {
            log.warn("could not read job {} after cancelling it: {}", job.getJobId().getJob(), e.getMessage());
            return null;
        }
    }

    private void cancelQuietly(Job job)
    {
        try {
            bigquery().cancel(job.getJobId());
        }
        catch (BigQueryException e) {
            log.warn("could not cancel job {}: {}", job.getJobId().getJob(), e.getMessage());
        }
    }

    private QueryJobConfiguration.Builder query(String sql)
    {
        QueryJobConfiguration.Builder builder = QueryJobConfiguration.newBuilder(sql)
                .setUseLegacySql(false)
                .setPriority(switch (settings.readPriority()) {
                    case INTERACTIVE -> QueryJobConfiguration.Priority.INTERACTIVE;
                    case BATCH -> QueryJobConfiguration.Priority.BATCH;
                });
        settings.maximumBytesBilled().ifPresent(builder::setMaximumBytesBilled);
        return builder;
    }

    /** The columns' names, looked up in the table's schema in the catalog: the only column text spliced into a query. */
    private static String columnList(List<Column> columns)
    {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }

    private JobId jobId(String name)
    {
        JobId.Builder builder = JobId.newBuilder().setProject(settings.projectId()).setJob(name);
        settings.location().ifPresent(builder::setLocation);
        return builder.build();
    }

    /** {@code bf_load_<dataset>_<table>_<YYYYMMDD>_<run>_a<attempt>_t<try>}: unique per (table, date, run, attempt, try). */
    static String loadJobName(TableRef table, String suffix, WriteToken token)
    {
        return "bf_load_" + table.dataset() + "_" + table.table() + "_" + suffix + "_" + token.runId() + "_a" + token.attempt() + "_t" + token.tryNumber();
    }

    private String sqlName(TableRef table)
    {
        return sqlName(tableId(table));
    }

    /**
     * {@code `project.dataset.table`}: the only text spliced into this adapter's SQL (values are
     * query parameters). The table comes from the catalog, the project and dataset from the
     * configuration, which admits only the names BigQuery does; checked again here, so that no
     * quote or backtick can ever reach a query.
     */
    static String sqlName(TableId id)
    {
        for (String part : new String[] {id.getProject(), id.getDataset(), id.getTable()}) {
            if (part == null || !part.matches("[A-Za-z0-9_.:-]+")) {
                throw new IllegalArgumentException("not a BigQuery name: '" + part + "' in " + id);
            }
        }
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
