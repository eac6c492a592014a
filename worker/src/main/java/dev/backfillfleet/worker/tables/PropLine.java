package dev.backfillfleet.worker.tables;

/** A player's points line from one bookmaker: the closing (last pre-game) and opening (first) values. */
public record PropLine(String bookmaker, double closing, double opening)
{
    public double movement()
    {
        return Rounding.halfUp(closing - opening, 2);
    }
}
