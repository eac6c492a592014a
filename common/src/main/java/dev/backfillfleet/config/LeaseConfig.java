package dev.backfillfleet.config;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** How long a claim holds a date; a running date renews it every third of that. */
public record LeaseConfig(Duration length)
{
    public static final ConfigKey LEASE_SECONDS = new ConfigKey("backfill.lease-seconds", "20", "state lease length; renewed every third of it while a date runs");
    public static final List<ConfigKey> KEYS = List.of(LEASE_SECONDS);

    public LeaseConfig
    {
        requireNonNull(length, "length is null");
    }

    public static LeaseConfig from(ConfigReader reader)
    {
        return new LeaseConfig(Duration.ofSeconds(reader.positive(LEASE_SECONDS)));
    }
}
