package dev.backfillfleet.bigquery;

import dev.backfillfleet.config.ConfigKey;
import dev.backfillfleet.config.ConfigReader;
import dev.backfillfleet.config.LeaseConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The BigQuery warehouse: the datasets of the three kinds of table, where jobs run, how long a
 * partition write may take, the fleet-wide pace of partition writes, a per-query byte cap, the
 * priority of reads, and a local stand-in of the API for tests.
 *
 * @param maximumBytesBilled 0 for none
 * @param emulatorHost {@code BIGQUERY_EMULATOR_HOST} ({@code host:port}, the variable BigQuery stand-ins use; the client library
 *         does not read it): the API at that address, without credentials
 */
public record BigQueryConfig(
        String rawDataset,
        String staticDataset,
        String analyticsDataset,
        String location,
        Duration writeTimeout,
        int partitionWritesPer10Seconds,
        long maximumBytesBilled,
        BigQueryWarehouseSettings.ReadPriority readPriority,
        Optional<String> emulatorHost)
{
    public static final String EMULATOR_HOST_VARIABLE = "BIGQUERY_EMULATOR_HOST";

    public static final ConfigKey DATASET_RAW = new ConfigKey("backfill.bigquery-dataset-raw", "nba_raw", "BigQuery dataset of the raw inputs");
    public static final ConfigKey DATASET_STATIC = new ConfigKey("backfill.bigquery-dataset-static", "nba_static", "BigQuery dataset of the static tables");
    public static final ConfigKey DATASET_ANALYTICS = new ConfigKey("backfill.bigquery-dataset-analytics", "nba_analytics", "BigQuery dataset of the analytics tables");
    public static final ConfigKey LOCATION = new ConfigKey("backfill.bigquery-location", "US", "BigQuery location");
    // load jobs run on a shared slot pool whose capacity BigQuery does not guarantee
    // (https://cloud.google.com/bigquery/docs/loading-data), and query jobs wait in a queue when the
    // project's concurrency is reached (https://cloud.google.com/bigquery/docs/query-queues): a small
    // load takes seconds, but not always; a timeout costs a partition modification and an attempt
    public static final ConfigKey WRITE_TIMEOUT_SECONDS = new ConfigKey("backfill.bigquery-write-timeout-seconds", "120",
            "how long a partition write waits for its BigQuery job before cancelling it (then up to a quarter of it for its final state); the lease must be longer than both");
    public static final ConfigKey PARTITION_WRITES_PER_10S = new ConfigKey("backfill.bigquery-partition-writes-per-10s", "40",
            "fleet-wide partition writes per table per 10 s (BigQuery allows 50)");
    public static final ConfigKey MAX_BYTES_BILLED = new ConfigKey("backfill.bigquery-max-bytes-billed", "1073741824",
            "per-query byte cap (default 1 GiB: every read names its columns and prunes partitions); 0 = none");
    // https://cloud.google.com/bigquery/docs/running-queries#batch: a batch query waits for idle resources, "usually within a few minutes"
    public static final ConfigKey READ_PRIORITY = new ConfigKey("backfill.bigquery-read-priority", "interactive",
            "interactive | batch: the priority of the workers' read queries (batch waits for idle capacity, often minutes)");
    public static final List<ConfigKey> KEYS = List.of(DATASET_RAW, DATASET_STATIC, DATASET_ANALYTICS, LOCATION, WRITE_TIMEOUT_SECONDS, PARTITION_WRITES_PER_10S,
            MAX_BYTES_BILLED, READ_PRIORITY);

    // https://cloud.google.com/bigquery/docs/datasets#dataset-naming: the only names spliced into a table name
    private static final Pattern DATASET_ID = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    private static final String DATASET_RULE = "a BigQuery dataset id: 1-1024 letters, digits and underscores";

    public BigQueryConfig
    {
        requireNonNull(rawDataset, "rawDataset is null");
        requireNonNull(staticDataset, "staticDataset is null");
        requireNonNull(analyticsDataset, "analyticsDataset is null");
        requireNonNull(location, "location is null");
        requireNonNull(writeTimeout, "writeTimeout is null");
        requireNonNull(readPriority, "readPriority is null");
        requireNonNull(emulatorHost, "emulatorHost is null");
    }

    /** @param lease the lease in use, which must outlast the longest write */
    public static BigQueryConfig from(ConfigReader reader, Duration lease)
    {
        Duration writeTimeout = Duration.ofSeconds(reader.integer(WRITE_TIMEOUT_SECONDS, 1, 3_600));
        Duration settle = BigQueryWarehouseSettings.cancelSettleFor(writeTimeout);
        Duration longestWrite = BigQueryWarehouseSettings.longestWrite(writeTimeout, settle);
        if (lease.compareTo(longestWrite) <= 0) {
            reader.problem(LeaseConfig.LEASE_SECONDS, "must exceed the longest BigQuery write, " + longestWrite.toMillis() / 1000.0
                    + " s (backfill.bigquery-write-timeout-seconds " + writeTimeout.toSeconds() + " and a quarter of it, " + settle.toMillis() / 1000.0
                    + " s, for a cancelled job to settle): a write may land only while its lease holds");
        }
        return new BigQueryConfig(
                reader.name(DATASET_RAW, DATASET_ID, DATASET_RULE),
                reader.name(DATASET_STATIC, DATASET_ID, DATASET_RULE),
                reader.name(DATASET_ANALYTICS, DATASET_ID, DATASET_RULE),
                reader.text(LOCATION),
                writeTimeout,
                // BigQuery allows 50 partition modifications per 10 s per table (https://cloud.google.com/bigquery/quotas#partitioned_tables);
                // 45 x 1.1 (the permit windows' bound) stays within it
                reader.integer(PARTITION_WRITES_PER_10S, 1, 45),
                reader.wholeNumber(MAX_BYTES_BILLED, 0),
                reader.choice(READ_PRIORITY, List.of("interactive", "batch")).equals("batch")
                        ? BigQueryWarehouseSettings.ReadPriority.BATCH
                        : BigQueryWarehouseSettings.ReadPriority.INTERACTIVE,
                reader.variable(EMULATOR_HOST_VARIABLE));
    }
}
