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
 * @param maximumBytesBilled a cap per query job, or none
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

    public BigQueryWarehouseSettings
    {
        requireNonNull(projectId, "projectId is null");
        if (projectId.isBlank()) {
            throw new IllegalArgumentException("projectId is blank");
        }
        datasets = Map.copyOf(requireNonNull(datasets, "datasets is null"));
        requireNonNull(location, "location is null");
        requireNonNull(maximumBytesBilled, "maximumBytesBilled is null");
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

    /** Datasets named as ours, client defaults for the rest. */
    public static BigQueryWarehouseSettings of(String projectId)
    {
        return new BigQueryWarehouseSettings(projectId, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                DEFAULT_MAX_CONCURRENT_WRITES_PER_TABLE, DEFAULT_MAX_TRANSPORT_ATTEMPTS, DEFAULT_WRITE_TIMEOUT, DEFAULT_CANCEL_SETTLE);
    }

    public BigQueryWarehouseSettings withDatasets(Map<String, String> newDatasets)
    {
        return new BigQueryWarehouseSettings(projectId, newDatasets, location, maximumBytesBilled, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withHost(String newHost)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, Optional.of(newHost), maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withLocation(String newLocation)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, Optional.of(newLocation), maximumBytesBilled, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withMaximumBytesBilled(long bytes)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, Optional.of(bytes), host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withMaxTransportAttempts(int attempts)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, host, maxConcurrentWritesPerTable, attempts, writeTimeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withWriteTimeout(Duration timeout)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, host, maxConcurrentWritesPerTable, maxTransportAttempts, timeout, cancelSettle);
    }

    public BigQueryWarehouseSettings withCancelSettle(Duration settle)
    {
        return new BigQueryWarehouseSettings(projectId, datasets, location, maximumBytesBilled, host, maxConcurrentWritesPerTable, maxTransportAttempts, writeTimeout, settle);
    }

    public String dataset(String ours)
    {
        return datasets.getOrDefault(ours, ours);
    }
}
