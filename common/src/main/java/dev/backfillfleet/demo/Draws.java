package dev.backfillfleet.demo;

import java.util.List;
import java.util.SplittableRandom;

/** The few random distributions the generator needs, on top of {@link SplittableRandom}. */
final class Draws
{
    private Draws() {}

    static boolean chance(SplittableRandom random, double probability)
    {
        return random.nextDouble() < probability;
    }

    static double uniform(SplittableRandom random, double low, double high)
    {
        return low + (high - low) * random.nextDouble();
    }

    static <T> T pick(SplittableRandom random, List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }

    /** Fisher-Yates, in place. */
    static <T> void shuffle(SplittableRandom random, List<T> values)
    {
        for (int index = values.size() - 1; index > 0; index--) {
            int other = random.nextInt(index + 1);
            T value = values.get(index);
            values.set(index, values.get(other));
            values.set(other, value);
        }
    }

    /** An index drawn with probability proportional to its weight. */
    static int weighted(SplittableRandom random, double... weights)
    {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double point = random.nextDouble() * total;
        for (int index = 0; index < weights.length - 1; index++) {
            point -= weights[index];
            if (point < 0) {
                return index;
            }
        }
        return weights.length - 1;
    }

    static int poisson(SplittableRandom random, double mean)
    {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** A count around {@code mean} with a standard deviation of {@code spread} x sqrt(mean) (Poisson has 1). */
    static int count(SplittableRandom random, double mean, double spread)
    {
        return (int) Math.max(0, Math.round(mean + spread * Math.sqrt(Math.max(0, mean)) * random.nextGaussian()));
    }

    static int binomial(SplittableRandom random, int trials, double probability)
    {
        int successes = 0;
        for (int trial = 0; trial < trials; trial++) {
            if (random.nextDouble() < probability) {
                successes++;
            }
        }
        return successes;
    }
}
