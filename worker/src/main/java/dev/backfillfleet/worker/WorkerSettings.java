package dev.backfillfleet.worker;

import dev.backfillfleet.config.Configuration;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;

/**
 * What the pull loop needs from the configuration.
 *
 * @param dependencyDelay the first wait of a date that cannot run yet; doubled per delivery of
 *         its message, up to {@code maxDeferDelay}
 * @param throttledBackoff the first wait after the backend asked us to slow down
 */
public record WorkerSettings(
        String workerId,
        int concurrency,
        Duration leaseLength,
        int tableConcurrency,
        Duration dependencyDelay,
        Duration maxDeferDelay,
        int maxAttempts,
        int retryAttempts,
        Duration retryInitialBackoff,
        Duration throttledBackoff)
{
    public WorkerSettings
    {
        requireNonNull(workerId, "workerId is null");
        requireNonNull(leaseLength, "leaseLength is null");
        requireNonNull(dependencyDelay, "dependencyDelay is null");
        requireNonNull(maxDeferDelay, "maxDeferDelay is null");
        requireNonNull(retryInitialBackoff, "retryInitialBackoff is null");
        requireNonNull(throttledBackoff, "throttledBackoff is null");
    }

    public static WorkerSettings from(Configuration config, String workerId)
    {
        return new WorkerSettings(workerId, config.worker().concurrency(), config.lease().length(), config.worker().tableConcurrency(),
                config.worker().dependencyDelay(), config.worker().maxDeferDelay(), config.retries().maxAttempts(), config.retries().retryAttempts(),
                config.retries().initialBackoff(), RetryPolicy.DEFAULT_THROTTLED_BACKOFF);
    }

    /** The delay before a transiently failed date is delivered again: grows with the attempt. */
    public Duration releaseDelay(int deliveryAttempt)
    {
        long millis = retryInitialBackoff.toMillis() * (1L << Math.min(10, Math.max(0, deliveryAttempt - 1)));
        return Duration.ofMillis(Math.min(millis, Duration.ofMinutes(10).toMillis()));
    }

    /**
     * How long a date that cannot run yet waits before its message comes back: the dependency
     * delay doubled with every delivery of the message (the count it carries), at most
     * {@code maxDeferDelay}, with up to half of it as jitter so that waiting dates spread out.
     */
    public Duration deferDelay(int deliveryAttempt)
    {
        long base = Math.max(1, dependencyDelay.toMillis());
        long grown = Math.min(maxDeferDelay.toMillis(), base * (1L << Math.min(20, Math.max(0, deliveryAttempt - 1))));
        long jittered = grown - ThreadLocalRandom.current().nextLong(grown / 2 + 1);
        return Duration.ofMillis(Math.max(base, jittered));
    }
}
