package dev.backfillfleet.doctor;

import dev.backfillfleet.provision.Port;

import java.util.List;

/**
 * An adapter's check of the storage it keeps itself (an embedded file), which the doctor runs
 * before anything that reads it: a port whose storage is not intact has its other checks skipped,
 * saying so. It reads only.
 */
public interface StorageCheck
{
    Port port();

    /** What it checks, as the findings name it, e.g. {@code state.db}. */
    String storage();

    List<Finding> run(MendCommands mends);
}
