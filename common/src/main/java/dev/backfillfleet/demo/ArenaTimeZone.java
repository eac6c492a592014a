package dev.backfillfleet.demo;

/** The US time zone of an arena, as hours behind Eastern. */
public enum ArenaTimeZone
{
    EASTERN(0),
    CENTRAL(1),
    MOUNTAIN(2),
    PACIFIC(3);

    private final int hoursBehindEastern;

    ArenaTimeZone(int hoursBehindEastern)
    {
        this.hoursBehindEastern = hoursBehindEastern;
    }

    public int hoursBehindEastern()
    {
        return hoursBehindEastern;
    }

    public int zonesCrossed(ArenaTimeZone other)
    {
        return Math.abs(hoursBehindEastern - other.hoursBehindEastern);
    }
}
