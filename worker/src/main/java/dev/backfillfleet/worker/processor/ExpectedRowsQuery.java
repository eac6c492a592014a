package dev.backfillfleet.worker.processor;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.warehouse.Warehouse;

import java.time.LocalDate;

/** A catalog table's check: its {@code expected_rows} SQL run for the date, or every row produced. */
final class ExpectedRowsQuery
{
    private ExpectedRowsQuery() {}

    static RowsCheck check(TableDefinition definition, TableCatalog catalog, Warehouse warehouse, LocalDate date)
    {
        return definition.expectedRows()
                .<RowsCheck>map(sql -> new RowsCheck.Exactly(warehouse.selectCount(
                        catalog.render(definition.name(), sql, warehouse.dialect(), warehouse::sqlTableName), date)))
                .orElseGet(RowsCheck.AsProduced::new);
    }
}
