package dev.backfillfleet.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * Proof that {@code owner} holds (table, date) for its {@code attempt}. Heartbeat, complete and
 * fail are accepted only from the current owner and attempt: an older holder is fenced off.
 */
public record Lease(DateKey key, String owner, int attempt, Instant expiresAt)
{
    public Lease
    {
        requireNonNull(key, "key is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(expiresAt, "expiresAt is null");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
    }

    public Lease withExpiry(Instant newExpiry)
    {
        return new Lease(key, owner, attempt, newExpiry);
    }
}
