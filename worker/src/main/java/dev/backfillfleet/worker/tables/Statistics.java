package dev.backfillfleet.worker.tables;

import java.util.List;

/** Means, sample standard deviations and medians; each is null for too few values. */
public final class Statistics
{
    private Statistics() {}

    public static Double mean(List<Double> values)
    {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
    }

    /** The sample (n - 1) standard deviation; null for fewer than two values. */
    public static Double sampleStandardDeviation(List<Double> values)
    {
        if (values.size() < 2) {
            return null;
        }
        double mean = mean(values);
        double squares = values.stream().mapToDouble(value -> (value - mean) * (value - mean)).sum();
        return Math.sqrt(squares / (values.size() - 1));
    }

    /** The middle value, or the mean of the two middle values. */
    public static Double median(List<Double> values)
    {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** {@code value} rounded half-up, or null. */
    public static Double rounded(Double value, int decimals)
    {
        return value == null ? null : Rounding.halfUp(value, decimals);
    }

    /** {@code later - earlier} at 2 decimals (so that 0 stays 0.0), or null when either is missing. */
    public static Double difference(Double later, Double earlier)
    {
        if (later == null || earlier == null) {
            return null;
        }
        return Rounding.halfUp(later - earlier, 2);
    }
}
