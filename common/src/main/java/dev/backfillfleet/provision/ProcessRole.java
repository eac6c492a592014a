package dev.backfillfleet.provision;

/**
 * What a process does, and so what it needs: a worker consumes and writes, a coordinator
 * publishes, and a reader (a verb that only reads: status, watch, runs, failed, report, verify,
 * dry runs) reads the state store.
 */
public enum ProcessRole
{
    WORKER,
    COORDINATOR,
    READER
}
