package dev.backfillfleet.provision;

import static java.util.Objects.requireNonNull;

/**
 * An adapter a process runs, as a person reads it: the port it serves, its name as the
 * configuration writes it, and where its data is. Each adapter's module contributes its own, so
 * that what describes a configuration needs no knowledge of the adapters.
 *
 * @param place e.g. {@code home /srv/backfill} or {@code project my-project}
 */
public record AdapterInUse(Port port, String name, String place)
{
    public AdapterInUse
    {
        requireNonNull(port, "port is null");
        requireNonNull(name, "name is null");
        requireNonNull(place, "place is null");
    }
}
