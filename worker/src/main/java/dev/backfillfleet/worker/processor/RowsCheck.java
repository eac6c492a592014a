package dev.backfillfleet.worker.processor;

import java.util.Map;

/** How the rows a date wrote are verified ("done means verified"). */
public sealed interface RowsCheck
{
    /** A built-in table's: the rows each game requires (game_id to rows), so a shortfall names the games. */
    record PerGame(Map<String, Long> expectedByGame)
            implements RowsCheck
    {
        public PerGame
        {
            expectedByGame = Map.copyOf(expectedByGame);
        }

        public long expected()
        {
            return expectedByGame.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A catalog table with {@code expected_rows}: exactly this many rows. */
    record Exactly(long expected)
            implements RowsCheck {}

    /** A catalog table without {@code expected_rows}: every row produced is written; none is NO_GAMES. */
    record AsProduced()
            implements RowsCheck {}
}
