package dev.backfillfleet.worker.tables;

import dev.backfillfleet.domain.FleetException;

import java.util.Locale;

/**
 * The gamebook's player_status, matched case-insensitively ("Inactive" is inactive: a
 * case-sensitive filter once let inactive players into the player context).
 */
public enum GamebookStatus
{
    ACTIVE("active"),
    DNP("dnp"),
    INACTIVE("inactive");

    private final String code;

    GamebookStatus(String code)
    {
        this.code = code;
    }

    public String code()
    {
        return code;
    }

    /** Expected to play: active or dnp (dressed); inactive players are not. */
    public boolean isAvailable()
    {
        return this != INACTIVE;
    }

    public static GamebookStatus parse(String text)
    {
        String normalized = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (GamebookStatus status : values()) {
            if (status.code.equals(normalized)) {
                return status;
            }
        }
        throw FleetException.permanentFailure("unknown gamebook player_status '" + text + "' (expected active, dnp or inactive)");
    }
}
