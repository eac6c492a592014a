package dev.backfillfleet.catalog;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** The tables a catalog file defines, in file order, and where each key of it is. */
public record CatalogFile(List<TableDefinition> tables, SourceLines lines)
{
    public CatalogFile
    {
        tables = List.copyOf(tables);
        requireNonNull(lines, "lines is null");
    }

    public String file()
    {
        return lines.file();
    }
}
