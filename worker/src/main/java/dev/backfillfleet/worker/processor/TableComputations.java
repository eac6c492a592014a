package dev.backfillfleet.worker.processor;

import dev.backfillfleet.catalog.CatalogEntry;
import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.worker.command.CommandRunner;

import static java.util.Objects.requireNonNull;

/** What computes each catalog table in this worker, by the kind its definition names. */
public final class TableComputations
{
    private final ProcessorRegistry builtIns;
    private final CommandRunner commands;

    public TableComputations(ProcessorRegistry builtIns, CommandRunner commands)
    {
        this.builtIns = requireNonNull(builtIns, "builtIns is null");
        this.commands = requireNonNull(commands, "commands is null");
    }

    public TableComputation forTable(CatalogEntry entry, TableCatalog catalog)
    {
        TableKind kind = entry.definition().kind();
        if (kind instanceof TableKind.Sql sql) {
            return new SqlComputation(entry.definition(), sql, catalog);
        }
        if (kind instanceof TableKind.Command command) {
            return new CommandComputation(entry.definition(), command, catalog, commands);
        }
        return new BuiltInComputation(builtIns.processor(entry.definition().table()));
    }
}
