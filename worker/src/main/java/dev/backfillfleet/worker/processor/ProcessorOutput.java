package dev.backfillfleet.worker.processor;

import dev.backfillfleet.warehouse.Row;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A processor's answer for one date: the rows to write, and the rows the inputs say must be
 * there, per game (game_id) so that a shortfall can name the games that are short. A date
 * with no games has no rows and expects none: NO_GAMES.
 */
public record ProcessorOutput(List<Row> rows, Map<String, Long> expectedRowsByGame, boolean noGames)
{
    public ProcessorOutput
    {
        rows = List.copyOf(rows);
        expectedRowsByGame = Map.copyOf(requireNonNull(expectedRowsByGame, "expectedRowsByGame is null"));
        if (noGames && (!rows.isEmpty() || !expectedRowsByGame.isEmpty())) {
            throw new IllegalArgumentException("a date without games has no rows");
        }
    }

    public static ProcessorOutput withoutGames()
    {
        return new ProcessorOutput(List.of(), Map.of(), true);
    }

    public static ProcessorOutput of(List<Row> rows, Map<String, Long> expectedRowsByGame)
    {
        return new ProcessorOutput(rows, expectedRowsByGame, false);
    }

    public long expectedRows()
    {
        return expectedRowsByGame.values().stream().mapToLong(Long::longValue).sum();
    }
}
