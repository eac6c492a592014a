package dev.backfillfleet.worker.tables;

import java.util.Locale;

/** How complete a context row's inputs are; gold and silver rows are production ready. */
public enum QualityTier
{
    GOLD,
    SILVER,
    BRONZE;

    /** gold with at least 10 games of history, silver with at least 5, bronze otherwise. */
    public static QualityTier ofHistory(int games)
    {
        if (games >= 10) {
            return GOLD;
        }
        return games >= 5 ? SILVER : BRONZE;
    }

    /** gold when both the spread and the total are known, silver with one, bronze with none. */
    public static QualityTier ofLines(TeamLines lines)
    {
        int present = (lines.hasSpread() ? 1 : 0) + (lines.hasTotal() ? 1 : 0);
        return switch (present) {
            case 2 -> GOLD;
            case 1 -> SILVER;
            default -> BRONZE;
        };
    }

    public boolean isProductionReady()
    {
        return this != BRONZE;
    }

    public String columnValue()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
