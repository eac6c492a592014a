package dev.backfillfleet.catalog;

import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;

/**
 * A catalog file that cannot be applied, said in one line: {@code FILE:LINE: KEY: what is wrong},
 * for example {@code tables.yaml:7: tables.team_points.columns.points: unknown type 'INT' (...)}.
 */
public final class CatalogFileException
        extends FleetException
{
    public CatalogFileException(String file, int line, String key, String problem)
    {
        super(ErrorClass.USER, file + ":" + line + ": " + (key.isEmpty() ? "" : key + ": ") + problem);
    }
}
