package dev.backfillfleet.catalog;

import static java.util.Objects.requireNonNull;

/**
 * A table of the catalog with the version of its definition: the catalog version that last
 * changed it (0 for a built-in table). A done date computed with an older version is STALE.
 */
public record CatalogEntry(TableDefinition definition, long version)
{
    public CatalogEntry
    {
        requireNonNull(definition, "definition is null");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
    }

    public String name()
    {
        return definition.name();
    }

    public boolean builtIn()
    {
        return definition.kind() instanceof TableKind.BuiltIn;
    }
}
