package dev.backfillfleet.worker.processor;

import dev.backfillfleet.domain.FleetException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "Done means verified": the rows in the partition after the write must equal the rows the
 * inputs require, or the date fails with expected vs written and the games that are short.
 */
public final class ExpectedRowsCheck
{
    private ExpectedRowsCheck() {}

    public static void verify(String table, ProcessorOutput output, long rowsInPartition)
    {
        long expected = output.expectedRows();
        if (rowsInPartition == expected && output.rows().size() == expected) {
            return;
        }
        Map<String, Long> written = output.rows().stream()
                .collect(Collectors.groupingBy(row -> Objects.toString(row.get("game_id"), "?"), TreeMap::new, Collectors.counting()));
        List<String> shortGames = new TreeMap<>(output.expectedRowsByGame()).entrySet().stream()
                .filter(entry -> written.getOrDefault(entry.getKey(), 0L) != entry.getValue().longValue())
                .map(entry -> entry.getKey() + " (expected " + entry.getValue() + ", wrote " + written.getOrDefault(entry.getKey(), 0L) + ")")
                .toList();
        throw FleetException.permanentFailure(table + ": expected " + expected + " rows, wrote " + rowsInPartition
                + (shortGames.isEmpty() ? "" : "; games short: " + String.join(", ", shortGames)));
    }
}
