package dev.backfillfleet.worker.processor;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * A table computed by the user's SELECT: written for the warehouse in use, its {@code {{name}}}
 * references resolved in the catalog; the warehouse runs it into the partition at write time.
 */
public record SqlComputation(TableDefinition definition, TableKind.Sql sql, TableCatalog catalog)
        implements TableComputation
{
    public SqlComputation
    {
        requireNonNull(definition, "definition is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(catalog, "catalog is null");
    }

    @Override
    public ComputedDate compute(LocalDate date, ProcessingContext context)
    {
        Warehouse warehouse = context.warehouse();
        if (definition.gamesOnly() && Schedule.gamesOn(warehouse, date).isEmpty()) {
            return new ComputedDate.NoGames();
        }
        RowsCheck check = ExpectedRowsQuery.check(definition, catalog, warehouse, date);
        return new ComputedDate.Select(catalog.render(definition.name(), sql.select(), warehouse.dialect(), warehouse::sqlTableName), check);
    }
}
