package dev.backfillfleet.provision;

/** What a process does, and so what it needs: a worker consumes and writes, a coordinator publishes. */
public enum ProcessRole
{
    WORKER,
    COORDINATOR
}
