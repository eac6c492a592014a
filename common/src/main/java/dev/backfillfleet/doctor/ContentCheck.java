package dev.backfillfleet.doctor;

import dev.backfillfleet.provision.Port;

import java.util.List;

/**
 * An adapter's check of what its storage holds (the embedded warehouse's demo seed), run once
 * the storage itself was found intact. It reads only.
 */
public interface ContentCheck
{
    Port port();

    /** What it checks, as the findings name it, e.g. {@code demo seed}. */
    String subject();

    List<Finding> run(MendCommands mends);
}
