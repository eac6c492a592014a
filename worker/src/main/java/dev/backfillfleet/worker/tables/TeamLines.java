package dev.backfillfleet.worker.tables;

import dev.backfillfleet.warehouse.Row;

/**
 * One team's view of a game's lines: its own spread (negative = favoured) and the total, at the
 * closing and the opening snapshots, each the exact median over bookmakers; null when none has
 * one. Stored at 2 decimals; a movement is closing - opening of the exact medians, rounded once.
 */
public record TeamLines(Fraction spread, Fraction openingSpread, Fraction total, Fraction openingTotal)
{
    public static final TeamLines NONE = new TeamLines(null, null, null, null);
    private static final int DECIMALS = 2;

    public boolean hasSpread()
    {
        return spread != null;
    }

    public boolean hasTotal()
    {
        return total != null;
    }

    /** game_spread, opening_spread, spread_movement, game_total, opening_total, total_movement. */
    public Row.Builder putInto(Row.Builder row)
    {
        return row.set("game_spread", Rounding.columnOrNull(spread, DECIMALS))
                .set("opening_spread", Rounding.columnOrNull(openingSpread, DECIMALS))
                .set("spread_movement", Rounding.columnOrNull(Statistics.difference(spread, openingSpread), DECIMALS))
                .set("game_total", Rounding.columnOrNull(total, DECIMALS))
                .set("opening_total", Rounding.columnOrNull(openingTotal, DECIMALS))
                .set("total_movement", Rounding.columnOrNull(Statistics.difference(total, openingTotal), DECIMALS));
    }
}
