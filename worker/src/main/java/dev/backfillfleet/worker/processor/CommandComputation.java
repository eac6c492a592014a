package dev.backfillfleet.worker.processor;

import dev.backfillfleet.catalog.TableCatalog;
import dev.backfillfleet.catalog.TableDefinition;
import dev.backfillfleet.catalog.TableKind;
import dev.backfillfleet.schedule.Schedule;
import dev.backfillfleet.worker.command.CommandDefinition;
import dev.backfillfleet.worker.command.CommandInvocation;
import dev.backfillfleet.worker.command.CommandRunner;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** A table computed by the user's per-date program: its rows, as it printed them, written as any processor's are. */
public record CommandComputation(TableDefinition definition, TableKind.Command command, TableCatalog catalog, CommandRunner runner)
        implements TableComputation
{
    public CommandComputation
    {
        requireNonNull(definition, "definition is null");
        requireNonNull(command, "command is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(runner, "runner is null");
    }

    @Override
    public ComputedDate compute(LocalDate date, ProcessingContext context)
    {
        if (definition.gamesOnly() && Schedule.gamesOn(context.warehouse(), date).isEmpty()) {
            return new ComputedDate.NoGames();
        }
        RowsCheck check = ExpectedRowsQuery.check(definition, catalog, context.warehouse(), date);
        CommandDefinition program = new CommandDefinition(definition.name(), command.argv(), command.timeout(), definition.columns());
        return new ComputedDate.Rows(runner.run(program, new CommandInvocation(date, context.attempt(), context.item().runId())).rows(), check);
    }
}
