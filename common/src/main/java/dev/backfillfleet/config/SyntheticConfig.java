package dev.backfillfleet.config;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** The {@code synthetic} table, which exercises the fleet itself: its time per date and the failures it makes up. */
public record SyntheticConfig(Duration latency, double transientFailureRate, String failDates)
{
    public static final ConfigKey LATENCY_MS = new ConfigKey("backfill.synthetic-latency-ms", "50", "synthetic table: processing time per date");
    public static final ConfigKey TRANSIENT_FAILURE_RATE = new ConfigKey("backfill.synthetic-transient-failure-rate", "0", "synthetic table: probability of a transient failure per attempt");
    public static final ConfigKey FAIL_DATES = new ConfigKey("backfill.synthetic-fail-dates", "", "synthetic table: comma list of dates that fail permanently");
    public static final List<ConfigKey> KEYS = List.of(LATENCY_MS, TRANSIENT_FAILURE_RATE, FAIL_DATES);

    public SyntheticConfig
    {
        requireNonNull(latency, "latency is null");
        requireNonNull(failDates, "failDates is null");
    }

    public static SyntheticConfig from(ConfigReader reader)
    {
        return new SyntheticConfig(Duration.ofMillis(reader.integer(LATENCY_MS, 0, 3_600_000)), reader.fraction(TRANSIENT_FAILURE_RATE), reader.text(FAIL_DATES));
    }
}
