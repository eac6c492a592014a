package dev.backfillfleet.worker.tables;

/**
 * One team's shots in one game by zone, from the play-by-play: attempts and makes in the paint and
 * mid-range, and how many of its shots the opponent blocked, by the zone of the blocked shot.
 */
public record ShotZoneCounts(
        long paintAttempted,
        long paintMade,
        long midRangeAttempted,
        long midRangeMade,
        long blockedInPaint,
        long blockedMidRange,
        long blockedThrees)
{
    public static final ShotZoneCounts NONE = new ShotZoneCounts(0, 0, 0, 0, 0, 0, 0);

    public ShotZoneCounts plus(ShotZone zone, boolean made, boolean blocked)
    {
        long blockedPaint = blocked && zone == ShotZone.PAINT ? 1 : 0;
        long blockedMid = blocked && zone == ShotZone.MID_RANGE ? 1 : 0;
        long blockedThree = blocked && zone == ShotZone.THREE ? 1 : 0;
        return new ShotZoneCounts(
                paintAttempted + (zone == ShotZone.PAINT ? 1 : 0),
                paintMade + (zone == ShotZone.PAINT && made ? 1 : 0),
                midRangeAttempted + (zone == ShotZone.MID_RANGE ? 1 : 0),
                midRangeMade + (zone == ShotZone.MID_RANGE && made ? 1 : 0),
                blockedInPaint + blockedPaint,
                blockedMidRange + blockedMid,
                blockedThrees + blockedThree);
    }
}
