package dev.backfillfleet.worker.processor;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** A built-in table: its Java processor's rows, checked game by game. */
public record BuiltInComputation(TableProcessor processor)
        implements TableComputation
{
    public BuiltInComputation
    {
        requireNonNull(processor, "processor is null");
    }

    @Override
    public ComputedDate compute(LocalDate date, ProcessingContext context)
    {
        return computed(processor.process(date, context));
    }

    /** What a built-in processor's answer is to write: its rows, checked game by game. */
    public static ComputedDate computed(ProcessorOutput output)
    {
        if (output.noGames()) {
            return new ComputedDate.NoGames();
        }
        return new ComputedDate.Rows(output.rows(), new RowsCheck.PerGame(output.expectedRowsByGame()));
    }
}
