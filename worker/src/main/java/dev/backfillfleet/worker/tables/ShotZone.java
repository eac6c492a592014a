package dev.backfillfleet.worker.tables;

import java.util.Locale;

/**
 * Where a field-goal attempt was taken: a 3PT shot is a three; a 2PT shot is in the paint up to
 * 8 feet and mid-range beyond; a 2PT shot of unknown distance is in no zone (it used to be
 * counted as mid-range). Free throws are in no zone either.
 */
public enum ShotZone
{
    PAINT,
    MID_RANGE,
    THREE,
    NONE;

    public static final double PAINT_MAX_FEET = 8;

    /** The zone of a shot; the distance is the real FLOAT64 feet (8.0 is still the paint, 8.1 is not). */
    public static ShotZone of(String shotType, Double distanceFeet)
    {
        if (shotType == null) {
            return NONE;
        }
        return switch (shotType.trim().toUpperCase(Locale.ROOT)) {
            case "3PT" -> THREE;
            case "2PT" -> twoPointZone(distanceFeet);
            default -> NONE;
        };
    }

    private static ShotZone twoPointZone(Double distanceFeet)
    {
        if (distanceFeet == null) {
            return NONE;
        }
        return distanceFeet <= PAINT_MAX_FEET ? PAINT : MID_RANGE;
    }
}
