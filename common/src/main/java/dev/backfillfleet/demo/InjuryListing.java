package dev.backfillfleet.demo;

import static java.util.Objects.requireNonNull;

/**
 * How a player appears on the injury reports of a game date: {@code earlyStatus} in every report
 * but the last, {@code finalStatus} in the last one (before the first tip-off of the day).
 * Statuses: out, doubtful, questionable, probable, available.
 */
public record InjuryListing(String reason, String earlyStatus, String finalStatus)
{
    public static final String OUT = "out";
    public static final String DOUBTFUL = "doubtful";
    public static final String QUESTIONABLE = "questionable";
    public static final String PROBABLE = "probable";
    public static final String AVAILABLE = "available";

    public InjuryListing
    {
        requireNonNull(reason, "reason is null");
        requireNonNull(earlyStatus, "earlyStatus is null");
        requireNonNull(finalStatus, "finalStatus is null");
    }

    public boolean isUpgrade()
    {
        return (earlyStatus.equals(OUT) || earlyStatus.equals(DOUBTFUL))
                && (finalStatus.equals(AVAILABLE) || finalStatus.equals(PROBABLE));
    }
}
