package dev.backfillfleet.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Whether a dependency (the state store, the queue) answers: the first failure after it answered
 * logs one line, and so does the first answer after failures; the dates that fail meanwhile log
 * nothing of their own about it. {@code /readyz} says not ready while it is out of reach.
 */
public final class Reachability
{
    private static final Logger log = LoggerFactory.getLogger(Reachability.class);

    private final String dependency;
    private final AtomicReference<Optional<Outage>> outage = new AtomicReference<>(Optional.empty());

    public Reachability(String dependency)
    {
        this.dependency = requireNonNull(dependency, "dependency is null");
    }

    private record Outage(String firstFailure, long sinceNanos) {}

    /** A call failed in a way that may pass (no answer, unavailable). */
    public void unreachable(Throwable failure)
    {
        Outage started = new Outage(String.valueOf(failure.getMessage()), System.nanoTime());
        if (outage.compareAndSet(Optional.empty(), Optional.of(started))) {
            log.warn("{} is out of reach ({}): dates wait until it answers again", dependency, started.firstFailure());
        }
    }

    /** A call got its answer. */
    public void reached()
    {
        Optional<Outage> ended = outage.getAndSet(Optional.empty());
        // a warning too: it closes the incident the first line opened
        ended.ifPresent(gone -> log.warn("{} answers again after {} s", dependency,
                Duration.ofNanos(System.nanoTime() - gone.sinceNanos()).toSeconds()));
    }

    public boolean isReachable()
    {
        return outage.get().isEmpty();
    }

    /** Why it is out of reach, while it is. */
    public Optional<String> problem()
    {
        return outage.get().map(gone -> dependency + " is out of reach: " + gone.firstFailure());
    }

    public String dependency()
    {
        return dependency;
    }
}
