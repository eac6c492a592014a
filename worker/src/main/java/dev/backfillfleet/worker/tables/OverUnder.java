package dev.backfillfleet.worker.tables;

/** A player's points against his line. */
public enum OverUnder
{
    OVER,
    UNDER,
    PUSH;

    public static OverUnder of(long points, double line)
    {
        if (points > line) {
            return OVER;
        }
        return points < line ? UNDER : PUSH;
    }
}
