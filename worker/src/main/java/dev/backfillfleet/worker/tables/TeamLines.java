package dev.backfillfleet.worker.tables;

/**
 * One team's view of a game's lines: its own spread (negative = favoured) and the total, at the
 * closing and the opening snapshots, each the median over bookmakers; null when none has one.
 */
public record TeamLines(Double spread, Double openingSpread, Double total, Double openingTotal)
{
    public static final TeamLines NONE = new TeamLines(null, null, null, null);

    public Double spreadMovement()
    {
        return Statistics.difference(spread, openingSpread);
    }

    public Double totalMovement()
    {
        return Statistics.difference(total, openingTotal);
    }
}
