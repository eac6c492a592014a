package dev.backfillfleet.config;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How often a date is tried: transient failures are retried in the process a few times, with a
 * backoff that doubles, then the date is released; after {@code maxAttempts} attempts that ended
 * badly it is FAILED with its last error.
 */
public record RetryConfig(int maxAttempts, int retryAttempts, Duration initialBackoff)
{
    public static final ConfigKey MAX_ATTEMPTS = new ConfigKey("backfill.max-attempts", "5",
            "attempts of a date (transient failures, dead workers) before it is FAILED with its last error; waiting and shutdowns do not count");
    public static final ConfigKey RETRY_ATTEMPTS = new ConfigKey("backfill.retry-attempts", "3", "in-process attempts for a transient failure before the message is released");
    public static final ConfigKey RETRY_INITIAL_BACKOFF_MILLIS = new ConfigKey("backfill.retry-initial-backoff-millis", "200", "first in-process retry backoff; doubles with jitter");
    public static final List<ConfigKey> KEYS = List.of(MAX_ATTEMPTS, RETRY_ATTEMPTS, RETRY_INITIAL_BACKOFF_MILLIS);

    public RetryConfig
    {
        requireNonNull(initialBackoff, "initialBackoff is null");
    }

    public static RetryConfig from(ConfigReader reader)
    {
        return new RetryConfig(
                reader.integer(MAX_ATTEMPTS, 1, 100),
                reader.positive(RETRY_ATTEMPTS),
                Duration.ofMillis(reader.integer(RETRY_INITIAL_BACKOFF_MILLIS, 0, 600_000)));
    }
}
