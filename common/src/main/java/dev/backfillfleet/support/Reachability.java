package dev.backfillfleet.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Whether a dependency (the state store, the queue) answers. It is out of reach once its calls
 * have kept failing, with no answer in between, for {@link #PERSISTENT} (a connection reset now
 * and then, which the next call survives, is not an outage); that logs one line, and so does the
 * first answer after it. The dates that fail meanwhile log nothing of their own about it.
 * {@code /readyz} says not ready while it is out of reach (docs/clocks-and-faults.md).
 */
public final class Reachability
{
    /** How long calls must keep failing before the dependency counts as out of reach. */
    public static final Duration PERSISTENT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(Reachability.class);

    private final String dependency;
    private final Ticker ticker;
    private Optional<Failing> failing = Optional.empty();
    private boolean outage;

    public Reachability(String dependency)
    {
        this(dependency, Ticker.system());
    }

    public Reachability(String dependency, Ticker ticker)
    {
        this.dependency = requireNonNull(dependency, "dependency is null");
        this.ticker = requireNonNull(ticker, "ticker is null");
    }

    /** Calls failing since {@code sinceNanos}, the first with {@code firstFailure}. */
    private record Failing(String firstFailure, long sinceNanos) {}

    /** A call failed in a way that may pass (no answer, unavailable, reset). */
    public synchronized void unreachable(Throwable failure)
    {
        long now = ticker.nanos();
        if (failing.isEmpty()) {
            failing = Optional.of(new Failing(String.valueOf(failure.getMessage()), now));
        }
        if (!outage && now - failing.get().sinceNanos() >= PERSISTENT.toNanos()) {
            outage = true;
            log.warn("{} is out of reach ({}): dates wait until it answers again", dependency, failing.get().firstFailure());
        }
    }

    /**
     * A call that got no answer within its deadline, where silence may also mean there was
     * nothing to say (a Pull on an empty queue): it prolongs failures already under way, never
     * starts them.
     */
    public synchronized void noAnswer(Throwable failure)
    {
        if (failing.isPresent()) {
            unreachable(failure);
        }
    }

    /** A call got its answer. */
    public synchronized void reached()
    {
        if (outage) {
            // a warning too: it closes the incident the first line opened
            log.warn("{} answers again after {} s", dependency, Duration.ofNanos(ticker.nanos() - failing.orElseThrow().sinceNanos()).toSeconds());
        }
        outage = false;
        failing = Optional.empty();
    }

    public synchronized boolean isReachable()
    {
        return !outage;
    }

    /** Why it is out of reach, while it is. */
    public synchronized Optional<String> problem()
    {
        return outage ? failing.map(gone -> dependency + " is out of reach: " + gone.firstFailure()) : Optional.empty();
    }
}
