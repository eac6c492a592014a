package dev.backfillfleet.worker;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;

/**
 * In-process retries of a whole operation (process + write) on transient failures only:
 * exponential backoff with jitter. The clients' own transport retries sit below this, so
 * retries do not multiply per request.
 */
public final class RetryPolicy
{
    private RetryPolicy() {}

    public static Retry transientFailures(String name, int maxAttempts, Duration initialBackoff)
    {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Math.max(1, initialBackoff.toMillis()), 2.0, 0.5))
                .retryOnException(failure -> FleetException.classify(failure) == ErrorClass.TRANSIENT)
                .failAfterMaxAttempts(false)
                .build();
        return Retry.of(name, config);
    }
}
