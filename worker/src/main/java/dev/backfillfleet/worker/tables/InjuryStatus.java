package dev.backfillfleet.worker.tables;

/** A player's latest injury-report status for a game, with its reason; 'available' when unlisted. */
public record InjuryStatus(String status, String reason)
{
    public static final String OUT = "out";
    public static final String DOUBTFUL = "doubtful";
    public static final String QUESTIONABLE = "questionable";
    public static final InjuryStatus AVAILABLE = new InjuryStatus("available", null);

    public boolean isOut()
    {
        return status.equals(OUT);
    }

    public boolean isOutOrDoubtful()
    {
        return status.equals(OUT) || status.equals(DOUBTFUL);
    }

    public boolean isQuestionableOrDoubtful()
    {
        return status.equals(QUESTIONABLE) || status.equals(DOUBTFUL);
    }
}
