package dev.backfillfleet.state;

import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.Lease;

import java.time.Instant;

/** What a claim found: the lease, or why the delivery must not be processed now. */
public sealed interface ClaimResult
{
    /** The caller now holds the date for a new attempt. */
    record Claimed(Lease lease)
            implements ClaimResult {}

    /** The date is already terminal (done or failed): a duplicate or stale delivery, ack it. */
    record AlreadyTerminal(DateState state)
            implements ClaimResult {}

    /** Another worker holds a live lease: release the delivery for later, do not run in parallel. */
    record HeldByOther(String owner, Instant leaseExpiresAt)
            implements ClaimResult {}

    /** The date's attempts are used up: the claim recorded it FAILED with its last error; ack the delivery. */
    record AttemptsExhausted(int attempts, String message)
            implements ClaimResult {}

    /** The table already runs its fleet-wide maximum of dates: release for later. */
    record TableAtCapacity(int running)
            implements ClaimResult {}
}
