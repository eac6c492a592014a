package dev.backfillfleet.worker.processor;

import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.warehouse.PartitionWrite;
import dev.backfillfleet.warehouse.Row;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * "Done means verified": the rows in the partition after the write must be the rows the date
 * requires, or the date fails (PERMANENT) with both numbers, and, for a built-in table, the games
 * that are short. A date with none required and none written is NO_GAMES.
 */
public final class RowsVerification
{
    private RowsVerification() {}

    /** The verified outcome: SUCCEEDED or NO_GAMES, with the rows written and expected (equal). */
    public record Verified(DateState outcome, long rowsWritten, long rowsExpected)
    {
        public Verified
        {
            requireNonNull(outcome, "outcome is null");
        }
    }

    /** A built-in processor's answer, after a write that left {@code rowsInPartition} rows. */
    public static Verified verify(String table, ProcessorOutput output, long rowsInPartition)
    {
        return verify(table, BuiltInComputation.computed(output), new PartitionWrite(rowsInPartition, output.rows().size()));
    }

    public static Verified verify(String table, ComputedDate computed, PartitionWrite written)
    {
        long inPartition = written.rowsInPartition();
        RowsCheck check = computed.check();
        if (check instanceof RowsCheck.PerGame perGame) {
            long expected = perGame.expected();
            if (inPartition != expected || written.rowsProduced() != expected) {
                throw FleetException.permanentFailure(table + ": expected " + expected + " rows, wrote " + inPartition + shortGames(computed, perGame));
            }
            return verified(expected);
        }
        if (check instanceof RowsCheck.Exactly exactly) {
            if (inPartition != exactly.expected() || written.rowsProduced() != exactly.expected()) {
                throw FleetException.permanentFailure(table + ": expected " + exactly.expected() + " rows"
                        + (computed instanceof ComputedDate.NoGames ? "" : " (its expected_rows)") + ", wrote " + inPartition
                        + (written.rowsProduced() != inPartition ? " of " + written.rowsProduced() + " produced" : ""));
            }
            return verified(inPartition);
        }
        if (inPartition != written.rowsProduced()) {
            throw FleetException.permanentFailure(table + ": " + written.rowsProduced() + " rows produced, " + inPartition + " in the partition after the write");
        }
        return verified(inPartition);
    }

    private static Verified verified(long rows)
    {
        return new Verified(rows == 0 ? DateState.NO_GAMES : DateState.SUCCEEDED, rows, rows);
    }

    private static String shortGames(ComputedDate computed, RowsCheck.PerGame perGame)
    {
        List<Row> rows = computed instanceof ComputedDate.Rows given ? given.rows() : List.of();
        Map<String, Long> written = rows.stream()
                .map(row -> Objects.toString(row.get("game_id"), "?"))
                .collect(Collectors.groupingBy(gameId -> gameId, TreeMap::new, Collectors.counting()));
        List<String> shortGames = new TreeMap<>(perGame.expectedByGame()).entrySet().stream()
                .filter(entry -> written.getOrDefault(entry.getKey(), 0L) != entry.getValue().longValue())
                .map(entry -> entry.getKey() + " (expected " + entry.getValue() + ", wrote " + written.getOrDefault(entry.getKey(), 0L) + ")")
                .toList();
        return shortGames.isEmpty() ? "" : "; games short: " + String.join(", ", shortGames);
    }
}
