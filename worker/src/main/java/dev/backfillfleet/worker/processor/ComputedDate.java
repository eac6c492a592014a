package dev.backfillfleet.worker.processor;

import dev.backfillfleet.warehouse.Row;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What computing a table for one date gives the runner to write: no games (an empty partition,
 * NO_GAMES), rows, or a SELECT the warehouse itself runs into the partition; with the check its
 * rows must pass.
 */
public sealed interface ComputedDate
{
    RowsCheck check();

    /** Nothing to compute: the partition is emptied and the date is NO_GAMES. */
    record NoGames()
            implements ComputedDate
    {
        @Override
        public RowsCheck check()
        {
            return new RowsCheck.Exactly(0);
        }
    }

    record Rows(List<Row> rows, RowsCheck check)
            implements ComputedDate
    {
        public Rows
        {
            rows = List.copyOf(rows);
            requireNonNull(check, "check is null");
        }
    }

    /** A SELECT, already written for the warehouse in use, with {@code @date} as its only parameter. */
    record Select(String sql, RowsCheck check)
            implements ComputedDate
    {
        public Select
        {
            requireNonNull(sql, "sql is null");
            requireNonNull(check, "check is null");
        }
    }
}
