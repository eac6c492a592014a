package dev.backfillfleet.bigquery;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Where the warehouse lives in BigQuery.
 *
 * @param datasets our dataset names ({@code nba_raw}, {@code nba_static}, {@code nba_analytics})
 *         to BigQuery dataset ids in {@code projectId}; a name without an entry maps to itself
 * @param location the jobs' location (e.g. {@code US}), or the client's default
 * @param maximumBytesBilled a cap per query job, or none; {@link #DEFAULT_MAXIMUM_BYTES_BILLED} unless
 *         configured otherwise
 * @param readPriority the priority of read queries: {@link ReadPriority#INTERACTIVE} unless configured
 * @param host an API root override (tests: {@code http://127.0.0.1:PORT}), or Google's
 * @param maxConcurrentWritesPerTable partition writes one process runs at a time per table; the
 *         fleet-wide bound is the state store's per-table capacity
 * @param maxTransportAttempts attempts per API call in the client's own RetrySettings
 * @param writeTimeout how long a partition write waits for its job before cancelling it
 * @param cancelSettle after cancelling a job, how long the write waits for its final state: a
 *         cancel is only a request, and a job that completes anyway is the write; the runner
 *         writes only with more lease left than the timeout and this together
 */
public record BigQueryWarehouseSettings(
        String projectId,
        Map<String, String> datasets,
        Optional<String> location,
        Optional<Long> maximumBytesBilled,
        ReadPriority readPriority,
        Optional<String> host,
        int maxConcurrentWritesPerTable,
        int maxTransportAttempts,
        Duration writeTimeout,
        Duration cancelSettle)
{
    public static final int DEFAULT_MAX_CONCURRENT_WRITES_PER_TABLE = 4;
    public static final int DEFAULT_MAX_TRANSPORT_ATTEMPTS = 6;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(120);
    // jobs.cancel "will return immediately, and the client will need to poll for the job status to see
    // if the cancel completed successfully" (https://cloud.google.com/bigquery/docs/reference/rest/v2/jobs/cancel)
    public static final Duration DEFAULT_CANCEL_SETTLE = cancelSettleFor(DEFAULT_WRITE_TIMEOUT);

    /**
     * 1 GiB per query. A read of ours names its columns and one window of partitions: the largest,
     * a day of play-by-play or 30 days of player_game_summary, is a few MB, and on-demand billing
     * counts at least 10 MB per table a query references
     * (https://cloud.google.com/bigquery/pricing#on_demand_pricing). A hundred times that still
     * stops a read that scans a whole wide table, e.g. a table whose partition filter does not
     * prune, before it is billed: a query over the cap fails without a charge
     * (https://cloud.google.com/bigquery/docs/best-practices-costs#restrict-bytes-billed).
     */
    public static final long DEFAULT_MAXIMUM_BYTES_BILLED = 1L << 30;

    /**
     * INTERACTIVE runs a query as soon as possible; BATCH queues it "until idle resources are
     * available, usually within a few minutes" (https://cloud.google.com/bigquery/docs/running-queries#batchqueries),
     * which a worker waiting on its reads with a lease running cannot afford by default.
     */
    public enum ReadPriority
    {
        INTERACTIVE,
        BATCH
    }

    public BigQueryWarehouseSettings
    {
        requireNonNull(projectId, "projectId is null");
        if (projectId.isBlank()) {
            throw new IllegalArgumentException("projectId is blank");
        }
        datasets = Map.copyOf(requireNonNull(datasets, "datasets is null"));
        requireNonNull(location, "location is null");
        requireNonNull(maximumBytesBilled, "maximumBytesBilled is null");
        requireNonNull(readPriority, "readPriority is null");
        requireNonNull(host, "host is null");
        requireNonNull(writeTimeout, "writeTimeout is null");
        requireNonNull(cancelSettle, "cancelSettle is null");
        datasets.forEach((ours, theirs) -> {
            if (!theirs.matches("[A-Za-z0-9_]{1,1024}")) {
                throw new IllegalArgumentException("dataset " + ours + " maps to an invalid BigQuery dataset id '" + theirs + "'");
            }
        });
        maximumBytesBilled.ifPresent(bytes -> {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maximumBytesBilled must be positive: " + bytes);
            }
        });
        if (maxConcurrentWritesPerTable < 1) {
            throw new IllegalArgumentException("maxConcurrentWritesPerTable must be at least 1: " + maxConcurrentWritesPerTable);
        }
        if (maxTransportAttempts < 1) {
            throw new IllegalArgumentException("maxTransportAttempts must be at least 1: " + maxTransportAttempts);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("writeTimeout must be positive: " + writeTimeout);
        }
        if (cancelSettle.isNegative()) {
            throw new IllegalArgumentException("cancelSettle must not be negative: " + cancelSettle);
        }
    }

    /** The longest a partition write may take: its job's timeout, then the wait for a cancelled job's final state. */
    public Duration longestWrite()
    {
        return longestWrite(writeTimeout, cancelSettle);
    }

    /** A quarter of the write timeout (30 s of the default 120): a cancel settles in seconds, a short timeout keeps a short lease possible. */
    public static Duration cancelSettleFor(Duration writeTimeout)
    {
        return writeTimeout.dividedBy(4);
    }

    public static Duration longestWrite(Duration writeTimeout, Duration cancelSettle)
    {
        return writeTimeout.plus(cancelSettle);
    }

    /** Datasets named as ours, interactive reads capped at {@link #DEFAULT_MAXIMUM_BYTES_BILLED}, client defaults for the rest. */
    public static BigQueryWarehouseSettings of(String projectId)
    {
        return new BigQueryWarehouseSettings(projectId, Map.of(), Optional.empty(), Optional.of(DEFAULT_MAXIMUM_BYTES_BILLED), ReadPriority.INTERACTIVE,
                Optional.empty(), DEFAULT_MAX_CONCURRENT_WRITES_PER_TABLE, DEFAULT_MAX_TRANSPORT_ATTEMPTS, DEFAULT_WRITE_TIMEOUT, DEFAULT_CANCEL_SETTLE);
    }

    public BigQueryWarehouseSettings withDatasets(Map<String, String> newDatasets)
    {
        return new BigQueryWarehouseSettings(projectId, newDatasets, location, maximumBytesBilled, readPriority, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withHost(String newHost)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, readPriority, Optional.of(newHost), maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    /** A local stand-in of the API at {@code host:port} (or a URL), without credentials, unless a host is set already. */
    public BigQueryWarehouseSettings withEmulatorHost(String hostAndPort)
    {
        if (host.isPresent() || hostAndPort.isBlank()) {
            return this;
        }
        return withHost(hostAndPort.contains("://") ? hostAndPort : "http://" + hostAndPort);
    }

    public BigQueryWarehouseSettings withLocation(String newLocation)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, Optional.of(newLocation), maximumBytesBilled, readPriority, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withMaximumBytesBilled(long bytes)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, Optional.of(bytes), readPriority, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    /** No cap on the bytes a query may bill. */
    public BigQueryWarehouseSettings withoutMaximumBytesBilled()
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, Optional.empty(), readPriority, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withReadPriority(ReadPriority priority)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, priority, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withMaxTransportAttempts(int attempts)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, readPriority, host, maxConcurrentWritesPerTable, attempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withWriteTimeout(Duration timeout)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, readPriority, host, maxConcurrentWritesPerTable, maxTransportAttempts, timeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withCancelSettle(Duration settle)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, readPriority, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, settle);
    }

    public String dataset(String ours)
    {
        return datasets.getOrDefault(ours, ours);
    }
}
