package dev.backfillfleet.worker.tables;

import java.math.BigDecimal;

/** A player's points line from one bookmaker: the closing (last pre-game) and opening (first) values. */
public record PropLine(String bookmaker, double closing, double opening)
{
    /** closing - opening, exact on the lines as written, at 2 decimals (an unchanged line is 0.0, not NULL). */
    public BigDecimal movement()
    {
        return Rounding.column(Fraction.ofDecimal(closing).minus(Fraction.ofDecimal(opening)), 2);
    }
}
