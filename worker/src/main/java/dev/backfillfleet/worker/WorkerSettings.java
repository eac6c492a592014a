package dev.backfillfleet.worker;

import dev.backfillfleet.config.FleetConfig;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** What the pull loop needs from the configuration. */
public record WorkerSettings(
        String workerId,
        int concurrency,
        Duration leaseLength,
        int tableConcurrency,
        Duration dependencyDelay,
        int retryAttempts,
        Duration retryInitialBackoff)
{
    public WorkerSettings
    {
        requireNonNull(workerId, "workerId is null");
        requireNonNull(leaseLength, "leaseLength is null");
        requireNonNull(dependencyDelay, "dependencyDelay is null");
        requireNonNull(retryInitialBackoff, "retryInitialBackoff is null");
    }

    public static WorkerSettings from(FleetConfig config, String workerId)
    {
        return new WorkerSettings(workerId, config.workerConcurrency(), config.leaseLength(), config.tableConcurrency(),
                config.dependencyDelay(), config.retryAttempts(), config.retryInitialBackoff());
    }

    /** The delay before a transiently failed date is delivered again: grows with the attempt. */
    public Duration releaseDelay(int deliveryAttempt)
    {
        long millis = retryInitialBackoff.toMillis() * (1L << Math.min(10, Math.max(0, deliveryAttempt - 1)));
        return Duration.ofMillis(Math.min(millis, Duration.ofMinutes(10).toMillis()));
    }
}
