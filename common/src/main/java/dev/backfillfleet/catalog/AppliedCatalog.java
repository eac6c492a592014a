package dev.backfillfleet.catalog;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The user's tables as an operator last applied them: catalog version {@code version}, when, by
 * whom, from which file, and each table with its definition's version.
 */
public record AppliedCatalog(long version, Instant appliedAt, String appliedBy, String source, List<CatalogEntry> userTables)
{
    public AppliedCatalog
    {
        requireNonNull(appliedAt, "appliedAt is null");
        requireNonNull(appliedBy, "appliedBy is null");
        requireNonNull(source, "source is null");
        userTables = List.copyOf(userTables);
        if (version < 1) {
            throw new IllegalArgumentException("an applied catalog has version 1 or more: " + version);
        }
        for (CatalogEntry entry : userTables) {
            if (entry.builtIn() || entry.version() > version || entry.version() < 1) {
                throw new IllegalArgumentException(entry.name() + ": a user table of version " + entry.version() + " in catalog version " + version);
            }
        }
    }
}
