package dev.backfillfleet.worker;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.domain.ThrottledException;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * In-process retries of one operation (processing, or the partition write) on transient
 * failures only: exponential backoff with jitter, from {@code initialBackoff} for ordinary
 * failures and from {@code throttledBackoff} (seconds) when the backend asked us to slow down
 * (BigQuery's rateLimitExceeded, quotaExceeded). The clients' own transport retries sit below
 * this, so retries do not multiply per request.
 */
public final class RetryPolicy
{
    public static final Duration DEFAULT_THROTTLED_BACKOFF = Duration.ofSeconds(2);
    private static final double MULTIPLIER = 2.0;
    private static final double JITTER = 0.5;
    private static final Duration MAX_THROTTLED_BACKOFF = Duration.ofMinutes(1);

    private RetryPolicy() {}

    public static Retry transientFailures(String name, int maxAttempts, Duration initialBackoff, Duration throttledBackoff,
            Consumer<ThrottledException> onThrottled)
    {
        RetryConfig config = RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalBiFunction(interval(initialBackoff, throttledBackoff))
                .retryOnException(failure -> FleetException.classify(failure) == ErrorClass.TRANSIENT && !(failure instanceof InterruptedByStop))
                .failAfterMaxAttempts(false)
                .build();
        Retry retry = Retry.of(name, config);
        retry.getEventPublisher().onRetry(event -> {
            if (event.getLastThrowable() instanceof ThrottledException throttled) {
                onThrottled.accept(throttled);
            }
        });
        return retry;
    }

    /** The wait before retry {@code attempt} (1 = the first retry): seconds after throttling, milliseconds otherwise. */
    static IntervalBiFunction<Object> interval(Duration initialBackoff, Duration throttledBackoff)
    {
        IntervalFunction ordinary = IntervalFunction.ofExponentialRandomBackoff(Math.max(1, initialBackoff.toMillis()), MULTIPLIER, JITTER);
        IntervalFunction throttled = IntervalFunction.ofExponentialRandomBackoff(Math.max(1, throttledBackoff.toMillis()), MULTIPLIER, JITTER,
                MAX_THROTTLED_BACKOFF.toMillis());
        return (attempt, result) -> result.isLeft() && result.getLeft() instanceof ThrottledException ? throttled.apply(attempt) : ordinary.apply(attempt);
    }

    /** A date stopped on purpose (lease lost, shutdown): never retried. */
    public static final class InterruptedByStop
            extends FleetException
    {
        public InterruptedByStop(String message)
        {
            super(ErrorClass.TRANSIENT, message);
        }
    }
}
