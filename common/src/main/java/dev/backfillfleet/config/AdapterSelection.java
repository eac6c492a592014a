package dev.backfillfleet.config;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Which adapter serves each port: {@code backfill.backend} picks all three at once, and
 * {@code backfill.queue}, {@code backfill.state} and {@code backfill.warehouse} each override
 * it for one port, in any mix.
 */
public record AdapterSelection(QueueBackend queue, StateBackend state, WarehouseBackend warehouse)
{
    public static final ConfigKey BACKEND = new ConfigKey("backfill.backend", "embedded", "embedded | gcp: the default for the three adapters below");
    public static final ConfigKey QUEUE = new ConfigKey("backfill.queue", "", "embedded | pubsub (default: from backfill.backend)");
    public static final ConfigKey STATE = new ConfigKey("backfill.state", "", "embedded | firestore (default: from backfill.backend)");
    public static final ConfigKey WAREHOUSE = new ConfigKey("backfill.warehouse", "", "embedded | bigquery (default: from backfill.backend)");
    public static final List<ConfigKey> KEYS = List.of(BACKEND, QUEUE, STATE, WAREHOUSE);

    public AdapterSelection
    {
        requireNonNull(queue, "queue is null");
        requireNonNull(state, "state is null");
        requireNonNull(warehouse, "warehouse is null");
    }

    public static AdapterSelection from(ConfigReader reader)
    {
        boolean googleCloud = reader.choice(BACKEND, List.of("embedded", "gcp")).equals("gcp");
        return new AdapterSelection(
                adapter(reader, QUEUE, QueueBackend.values(), googleCloud),
                adapter(reader, STATE, StateBackend.values(), googleCloud),
                adapter(reader, WAREHOUSE, WarehouseBackend.values(), googleCloud));
    }

    public boolean usesGoogleCloud()
    {
        return queue.isGoogleCloud() || state.isGoogleCloud() || warehouse.isGoogleCloud();
    }

    public boolean usesEmbedded()
    {
        return !queue.isGoogleCloud() || !state.isGoogleCloud() || !warehouse.isGoogleCloud();
    }

    /** The configured adapter, or, when the key is unset, the one {@code backfill.backend} implies. */
    private static <B extends Enum<B> & Backend> B adapter(ConfigReader reader, ConfigKey key, B[] choices, boolean googleCloud)
    {
        B implied = Arrays.stream(choices).filter(choice -> choice.isGoogleCloud() == googleCloud).findFirst().orElseThrow();
        if (reader.text(key).isEmpty()) {
            return implied;
        }
        String name = reader.choice(key, Arrays.stream(choices).map(Backend::configName).toList());
        return Arrays.stream(choices).filter(choice -> choice.configName().equals(name)).findFirst().orElse(implied);
    }
}
