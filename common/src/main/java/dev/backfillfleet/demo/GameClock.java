package dev.backfillfleet.demo;

/** Minutes as the box scores write them. */
final class GameClock
{
    static final int REGULATION_TEAM_SECONDS = 5 * 48 * 60;
    static final int OVERTIME_TEAM_SECONDS = 5 * 5 * 60;

    private GameClock() {}

    /** Player-seconds of one team: 240:00 plus 25:00 per overtime period. */
    static int teamSeconds(int overtimePeriods)
    {
        return REGULATION_TEAM_SECONDS + overtimePeriods * OVERTIME_TEAM_SECONDS;
    }

    static String format(int seconds)
    {
        int minutes = seconds / 60;
        int rest = seconds % 60;
        return (minutes < 10 ? "0" : "") + minutes + (rest < 10 ? ":0" : ":") + rest;
    }
}
