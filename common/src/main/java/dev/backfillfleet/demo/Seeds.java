package dev.backfillfleet.demo;

import java.util.SplittableRandom;

/**
 * Derives a random stream from the league seed, a purpose and keys (season, game id, ...), so
 * that every stream is independent of the order in which things are generated.
 */
final class Seeds
{
    private Seeds() {}

    static SplittableRandom random(long seed, Purpose purpose, long... keys)
    {
        return new SplittableRandom(derive(seed, purpose, keys));
    }

    static long derive(long seed, Purpose purpose, long... keys)
    {
        long value = mix(seed * 0x9E3779B97F4A7C15L + purpose.ordinal() + 1);
        for (long key : keys) {
            value = mix(value * 0x9E3779B97F4A7C15L + key);
        }
        return value;
    }

    /** The SplitMix64 finaliser. */
    private static long mix(long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
