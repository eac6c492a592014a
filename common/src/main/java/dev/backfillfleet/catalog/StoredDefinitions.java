package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.FleetException;

/**
 * A user table's definition as the stores keep it: the catalog file format, read back with the
 * same parser that checked it when it was applied.
 */
public final class StoredDefinitions
{
    private StoredDefinitions() {}

    public static String write(TableDefinition definition)
    {
        return CatalogFileWriter.file(java.util.List.of(definition));
    }

    public static TableDefinition read(String name, String text)
    {
        CatalogFile file = CatalogFileParser.parse("the stored definition of " + name, text);
        if (file.tables().size() != 1 || !file.tables().get(0).name().equals(name)) {
            throw FleetException.permanentFailure("the stored definition of " + name + " defines " + file.tables().size() + " table(s), not " + name);
        }
        return file.tables().get(0);
    }

    public static FleetException concurrentApply(long expected, long found)
    {
        return FleetException.userError("the catalog changed while this apply was checked (now version " + found + ", expected " + expected
                + "): another 'tables apply' came first; look at 'coordinator tables' and apply again");
    }
}
