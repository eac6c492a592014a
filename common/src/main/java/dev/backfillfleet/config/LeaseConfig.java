package dev.backfillfleet.config;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How long a claim holds a date; a running date renews it every third of that. A write starts only
 * with more lease left than the warehouse's longest write, so the default follows the warehouse:
 * the embedded one writes in one local transaction, BigQuery waits for a load or query job (see
 * {@code BigQueryConfig}).
 */
public record LeaseConfig(Duration length)
{
    /** The embedded warehouse's writes take no time worth counting: a dead worker's dates come back within 20 s. */
    public static final Duration EMBEDDED_DEFAULT = Duration.ofSeconds(20);
    /** Longer than BigQuery's longest write by default (120 s for the job, 30 s for a cancelled one to settle), with half a renewal period to spare. */
    public static final Duration BIGQUERY_DEFAULT = Duration.ofSeconds(180);

    public static final ConfigKey LEASE_SECONDS = new ConfigKey("backfill.lease-seconds", "",
            "state lease length, renewed every third of it while a date runs (default: 20 with the embedded warehouse, 180 with BigQuery)");
    public static final List<ConfigKey> KEYS = List.of(LEASE_SECONDS);

    public LeaseConfig
    {
        requireNonNull(length, "length is null");
    }

    public static LeaseConfig from(ConfigReader reader, WarehouseBackend warehouse)
    {
        Duration byWarehouse = warehouse == WarehouseBackend.BIGQUERY ? BIGQUERY_DEFAULT : EMBEDDED_DEFAULT;
        return new LeaseConfig(Duration.ofSeconds(reader.positive(LEASE_SECONDS, Math.toIntExact(byWarehouse.toSeconds()))));
    }
}
