package dev.backfillfleet.worker.tables;

import java.util.List;

/** Means, sample standard deviations and medians, exact; each is null for too few values. */
public final class Statistics
{
    private Statistics() {}

    public static Fraction sum(List<Fraction> values)
    {
        return values.stream().reduce(Fraction.ZERO, Fraction::plus);
    }

    public static Fraction mean(List<Fraction> values)
    {
        if (values.isEmpty()) {
            return null;
        }
        return sum(values).dividedBy(values.size());
    }

    /**
     * The sample (n - 1) standard deviation rounded half-up at {@code decimals}; null for fewer
     * than two values. The variance is exact (a fraction); its square root is rounded with
     * integer arithmetic ({@link Fraction#sqrtRoundHalfUp}), so the one rounding is the stored one.
     */
    public static Double sampleStandardDeviation(List<Fraction> values, int decimals)
    {
        if (values.size() < 2) {
            return null;
        }
        Fraction mean = mean(values);
        Fraction squares = sum(values.stream().map(value -> value.minus(mean).times(value.minus(mean))).toList());
        return squares.dividedBy(values.size() - 1).sqrtRoundHalfUp(decimals).doubleValue();
    }

    /** The middle value, or the mean of the two middle values. */
    public static Fraction median(List<Fraction> values)
    {
        if (values.isEmpty()) {
            return null;
        }
        List<Fraction> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** {@code later - earlier}, or null when either is missing. */
    public static Fraction difference(Fraction later, Fraction earlier)
    {
        if (later == null || earlier == null) {
            return null;
        }
        return later.minus(earlier);
    }
}
