package dev.backfillfleet.worker;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a worker spends the platform's grace after SIGTERM, one deadline for everything: running
 * dates may finish for {@link #finishWithin()}, the rest are given back within {@link #GIVE_BACK}
 * more, the subscriptions and clients close in what is left, and the process has exited
 * {@link #EXIT_MARGIN} before the platform kills it ({@link #exitWithin()}), whatever a step took.
 * Cloud Run sends SIGKILL 10 s after SIGTERM
 * (https://cloud.google.com/run/docs/container-contract#instance-shutdown); GKE after the pod's
 * terminationGracePeriodSeconds
 * (https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination).
 *
 * @param platformGrace from SIGTERM to SIGKILL
 * @param grace how long running dates may take to finish, if not all the time left for it
 */
public record ShutdownBudget(Duration platformGrace, Optional<Duration> grace)
{
    /** Cloud Run's, the shortest of the platforms the fleet deploys to. */
    public static final int DEFAULT_PLATFORM_GRACE_SECONDS = 10;
    /** Asking running dates to stop and give themselves back: a state write and a nack each, in parallel. */
    public static final Duration GIVE_BACK = Duration.ofSeconds(2);
    /** Closing the subscriptions, publishers and clients. */
    public static final Duration CLOSE = Duration.ofSeconds(2);
    /** Exiting before the kill, not at it. */
    public static final Duration EXIT_MARGIN = Duration.ofMillis(500);
    /** The shortest platform grace with a second left for running dates to finish. */
    public static final Duration MINIMUM_PLATFORM_GRACE = Duration.ofSeconds(6);

    public ShutdownBudget
    {
        requireNonNull(platformGrace, "platformGrace is null");
        requireNonNull(grace, "grace is null");
        if (platformGrace.compareTo(MINIMUM_PLATFORM_GRACE) < 0) {
            throw new IllegalArgumentException("the platform's grace must be at least " + MINIMUM_PLATFORM_GRACE.toSeconds() + " s, not " + platformGrace.toSeconds()
                    + " s (" + GIVE_BACK.toSeconds() + " s to give back, " + CLOSE.toSeconds() + " s to close, and time for dates to finish)");
        }
        if (grace.isPresent() && (grace.get().isNegative() || grace.get().compareTo(longestGrace(platformGrace)) > 0)) {
            throw new IllegalArgumentException("the grace must be 0-" + longestGrace(platformGrace).toMillis() / 1000.0 + " s within a platform grace of "
                    + platformGrace.toSeconds() + " s, not " + grace.get().toSeconds() + " s (the rest gives back and closes)");
        }
    }

    public static ShutdownBudget of(Duration platformGrace)
    {
        return new ShutdownBudget(platformGrace, Optional.empty());
    }

    /** The most a grace may be: what the platform's leaves after giving back, closing and the margin. */
    public static Duration longestGrace(Duration platformGrace)
    {
        return platformGrace.minus(GIVE_BACK).minus(CLOSE).minus(EXIT_MARGIN);
    }

    /** From SIGTERM, how long running dates may finish before they are asked to give themselves back. */
    public Duration finishWithin()
    {
        return grace.orElse(longestGrace(platformGrace));
    }

    /** From SIGTERM, by when the dates asked to stop must have given themselves back. */
    public Duration givenBackWithin()
    {
        return finishWithin().plus(GIVE_BACK);
    }

    /** From SIGTERM, by when the process has exited, closed or not. */
    public Duration exitWithin()
    {
        return platformGrace.minus(EXIT_MARGIN);
    }
}
