package dev.backfillfleet.demo;

/** The schedule's season types that are loaded (preseason and All-Star games are not). */
public enum SeasonType
{
    REGULAR("regular", "002"),
    PLAY_IN("play_in", "005"),
    PLAYOFFS("playoffs", "004");

    private final String code;
    private final String gameIdPrefix;

    SeasonType(String code, String gameIdPrefix)
    {
        this.code = code;
        this.gameIdPrefix = gameIdPrefix;
    }

    /** The {@code season_type} value in the schedule. */
    public String code()
    {
        return code;
    }

    /** The first three digits of the 10-digit NBA game id. */
    public String gameIdPrefix()
    {
        return gameIdPrefix;
    }
}
