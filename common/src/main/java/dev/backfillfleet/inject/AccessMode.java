package dev.backfillfleet.inject;

/**
 * What a process may do to its backends, chosen by its composition root. A process that only
 * reads (a dry run, status, failed, watch, report, verify) creates nothing anywhere: embedded
 * files that do not exist read as empty, and no demo data is seeded.
 */
public enum AccessMode
{
    READ_WRITE,
    READ_ONLY
}
