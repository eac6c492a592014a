package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.schedule.ScheduledGame;

import java.time.LocalDate;
import java.util.List;

/** The permanent failures of a date whose inputs are incomplete, naming the table and the game. */
public final class InputFailures
{
    private InputFailures() {}

    public static FleetException missingInput(AnalyticsTable table, ScheduledGame game, String detail)
    {
        return FleetException.permanentFailure(table.tableName() + ": game " + game.gameId() + " (" + game.nbaGameId() + ") is final but "
                + detail);
    }

    /** Prefixes a failure of a shared input reader with the table being computed. */
    public static FleetException forTable(AnalyticsTable table, FleetException failure)
    {
        if (failure.getMessage().startsWith(table.tableName() + ":")) {
            return failure;
        }
        return new FleetException(failure.errorClass(), table.tableName() + ": " + failure.getMessage(), failure);
    }

    /** Box-score tables are computed only once every game of the date is final. */
    public static void requireAllFinal(AnalyticsTable table, LocalDate date, List<ScheduledGame> games)
    {
        List<ScheduledGame> notFinal = games.stream().filter(game -> !game.isFinal()).toList();
        if (!notFinal.isEmpty()) {
            throw FleetException.permanentFailure(table.tableName() + ": " + notFinal.size() + " of " + games.size() + " games on " + date
                    + " are not final yet (" + notFinal.get(0).gameId() + " has status " + notFinal.get(0).gameStatus()
                    + "); run the date after they finish");
        }
    }
}
