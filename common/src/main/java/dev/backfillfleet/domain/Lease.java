package dev.backfillfleet.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Proof that {@code owner} holds (table, date) for its {@code attempt}, claimed at
 * {@code startedAt}. Heartbeat, complete and fail are accepted only from the current owner and
 * attempt: an older holder is fenced off. A later claim of the same date always starts later,
 * so {@code startedAt} also orders writes (the embedded warehouse refuses an older one).
 */
public record Lease(DateKey key, String owner, int attempt, Instant startedAt, Instant expiresAt)
{
    public Lease
    {
        requireNonNull(key, "key is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(expiresAt, "expiresAt is null");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
    }

    public Lease withExpiry(Instant newExpiry)
    {
        return new Lease(key, owner, attempt, startedAt, newExpiry);
    }
}
