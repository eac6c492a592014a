package dev.backfillfleet.demo;

/** The gamebook's {@code player_status}. */
public enum PlayerStatus
{
    /** Played: minutes and stats present. */
    ACTIVE("active"),
    /** Dressed but did not play (coach's decision): minutes and stats NULL. */
    DNP("dnp"),
    /** Not on the active list (injury, rest, G League): minutes and stats NULL. */
    INACTIVE("inactive");

    private final String code;

    PlayerStatus(String code)
    {
        this.code = code;
    }

    public String code()
    {
        return code;
    }
}
