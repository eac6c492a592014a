package dev.backfillfleet.firestore;

import com.google.cloud.firestore.DocumentSnapshot;

import java.time.Clock;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Where a Firestore storage's decisions take their time: in production the server's, each
 * snapshot's read time ({@link FirestoreServerTime}); in contract tests a scripted clock, so that
 * a lease can be made to expire without waiting for it.
 */
interface DecisionTime
{
    /** The time a decision over {@code snapshot} is made at. */
    Instant decidedAt(DocumentSnapshot snapshot);

    /** The store's time now, where a query needs it before any read (estimated on the server's). */
    Instant now();

    static DecisionTime scripted(Clock clock)
    {
        requireNonNull(clock, "clock is null");
        return new DecisionTime()
        {
            @Override
            public Instant decidedAt(DocumentSnapshot snapshot)
            {
                return clock.instant();
            }

            @Override
            public Instant now()
            {
                return clock.instant();
            }
        };
    }
}
