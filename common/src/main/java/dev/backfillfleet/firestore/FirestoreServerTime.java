package dev.backfillfleet.firestore;

import com.google.cloud.Timestamp;
import com.google.cloud.firestore.DocumentSnapshot;
import dev.backfillfleet.support.Ticker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Firestore's own time, the one clock every lease of the fleet is judged by. A decision over a
 * snapshot is made at the snapshot's read time, which the server stamps
 * (https://cloud.google.com/java/docs/reference/google-cloud-firestore/latest/com.google.cloud.firestore.DocumentSnapshot#com_google_cloud_firestore_DocumentSnapshot_getReadTime__);
 * where a query needs "now" before any read (the live-lease count of a claim, a write permit's
 * window, the upstream gate's sightings), the time is estimated as the last read time seen plus
 * the monotonic time since it arrived. That estimate lags the server by about the one-way
 * latency of the call that brought it (milliseconds; seconds on a slow link), never by a
 * worker's clock skew. Before the first read,
 * the estimate asks the server once ({@code probe}: a read of a document that does not exist).
 */
public final class FirestoreServerTime
        extends Clock
        implements DecisionTime
{
    private final Ticker ticker;
    private final Supplier<Instant> probe;
    private final AtomicReference<Sighting> last = new AtomicReference<>();

    public FirestoreServerTime(Ticker ticker, Supplier<Instant> probe)
    {
        this.ticker = requireNonNull(ticker, "ticker is null");
        this.probe = requireNonNull(probe, "probe is null");
    }

    /** A sighting of the server's time, and the monotonic time it arrived at. */
    private record Sighting(Instant serverTime, long arrivedNanos)
    {
        Instant estimateAt(long nanos)
        {
            return serverTime.plus(Duration.ofNanos(nanos - arrivedNanos));
        }
    }

    @Override
    public Instant decidedAt(DocumentSnapshot snapshot)
    {
        Instant readTime = toInstant(requireNonNull(snapshot.getReadTime(), "snapshot has no read time"));
        observe(readTime);
        return readTime;
    }

    /** Remembers a time the server stamped (a read time, a write's update time) as it arrives. */
    public void observe(Instant serverTime)
    {
        long arrived = ticker.nanos();
        Sighting seen = new Sighting(serverTime, arrived);
        // the freshest sighting wins; an answer that arrives after a later-stamped one does not move the time back
        last.accumulateAndGet(seen, (current, next) -> current == null || !next.serverTime().isBefore(current.serverTime()) ? next : current);
    }

    @Override
    public Instant now()
    {
        return instant();
    }

    @Override
    public Instant instant()
    {
        Sighting seen = last.get();
        if (seen == null) {
            observe(probe.get());
            seen = last.get();
        }
        return seen.estimateAt(ticker.nanos());
    }

    /** The last sighting's server time, if any: for tests and diagnostics. */
    Optional<Instant> lastSeen()
    {
        return Optional.ofNullable(last.get()).map(Sighting::serverTime);
    }

    static Instant toInstant(Timestamp timestamp)
    {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    @Override
    public ZoneId getZone()
    {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone)
    {
        throw new UnsupportedOperationException("the server's time is UTC only");
    }
}
