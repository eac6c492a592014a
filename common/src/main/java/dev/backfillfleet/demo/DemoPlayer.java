package dev.backfillfleet.demo;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A player in one season. {@code quality} (0..1) drives usage and minutes (stars are above
 * about 0.8), {@code touch} (-1..1) shooting efficiency and {@code range} (0..1) the share of
 * three-point attempts. The per-36-minute rates below are what the box score generator draws from.
 */
public record DemoPlayer(String name, String lookup, Position position, double quality, double touch, double range)
{
    public DemoPlayer
    {
        requireNonNull(name, "name is null");
        requireNonNull(position, "position is null");
        if (!lookup.equals(lookupOf(name))) {
            throw new IllegalArgumentException("lookup " + lookup + " does not match name " + name);
        }
        if (quality < 0 || quality > 1 || touch < -1 || touch > 1 || range < 0 || range > 1) {
            throw new IllegalArgumentException("ratings out of range for " + name);
        }
    }

    public static DemoPlayer of(String name, Position position, double quality, double touch, double range)
    {
        return new DemoPlayer(name, lookupOf(name), position, quality, touch, range);
    }

    /** Lowercase name with everything but letters and digits removed. */
    public static String lookupOf(String name)
    {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    public DemoPlayer withQuality(double newQuality)
    {
        return new DemoPlayer(name, lookup, position, Math.max(0.02, Math.min(0.99, newQuality)), touch, range);
    }

    public double fieldGoalAttemptsPer36()
    {
        return 6.5 + 14.5 * quality * quality;
    }

    public double threePointRate()
    {
        return switch (position) {
            case GUARD -> 0.40 + 0.22 * range;
            case FORWARD -> 0.29 + 0.28 * range;
            case CENTER -> 0.06 + 0.32 * range;
        };
    }

    public double twoPointPct()
    {
        double base = switch (position) {
            case GUARD -> 0.49;
            case FORWARD -> 0.52;
            case CENTER -> 0.58;
        };
        return base + 0.04 * touch + 0.03 * quality;
    }

    public double threePointPct()
    {
        return 0.335 + 0.045 * touch + 0.02 * quality - (position == Position.CENTER ? 0.02 : 0);
    }

    /** Free-throw attempts per field-goal attempt. */
    public double freeThrowRate()
    {
        return 0.16 + 0.14 * quality + (position == Position.CENTER ? 0.07 : 0);
    }

    public double freeThrowPct()
    {
        double base = switch (position) {
            case GUARD -> 0.81;
            case FORWARD -> 0.77;
            case CENTER -> 0.69;
        };
        return Math.min(0.93, base + 0.07 * touch);
    }

    public double offensiveReboundsPer36()
    {
        return switch (position) {
            case GUARD -> 0.8;
            case FORWARD -> 1.7;
            case CENTER -> 3.3;
        };
    }

    public double defensiveReboundsPer36()
    {
        double base = switch (position) {
            case GUARD -> 3.0;
            case FORWARD -> 4.4;
            case CENTER -> 6.5;
        };
        return base + 1.2 * quality;
    }

    public double assistsPer36()
    {
        double base = switch (position) {
            case GUARD -> 3.8;
            case FORWARD -> 2.0;
            case CENTER -> 1.6;
        };
        return base + 2.0 * quality;
    }

    public double turnoversPer36()
    {
        return 1.0 + 1.6 * quality + (position == Position.GUARD ? 0.4 : 0);
    }

    public double stealsPer36()
    {
        return switch (position) {
            case GUARD -> 1.3;
            case FORWARD -> 1.1;
            case CENTER -> 0.8;
        };
    }

    public double blocksPer36()
    {
        return switch (position) {
            case GUARD -> 0.3;
            case FORWARD -> 0.7;
            case CENTER -> 1.9;
        };
    }

    public double personalFoulsPer36()
    {
        return switch (position) {
            case GUARD -> 2.5;
            case FORWARD -> 2.9;
            case CENTER -> 3.5;
        };
    }
}
