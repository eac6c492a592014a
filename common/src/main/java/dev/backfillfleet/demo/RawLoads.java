package dev.backfillfleet.demo;

import dev.backfillfleet.schedule.Schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * When the real loaders wrote a row ({@code processed_at}), and the tip-off as they stored it:
 * before {@link Schedule#TIP_OFF_STORED_AS_UTC_UNTIL} the schedule loader kept NBA.com's Eastern
 * wall clock as if it were UTC, so the demo league's older rows hold that form too.
 */
final class RawLoads
{
    /** Keys of each raw table's stream of load draws. */
    static final long SCHEDULE = 1;
    static final long TEAM_BOXSCORE = 2;
    static final long GAMEBOOK = 3;
    static final long PLAYER_PROPS = 4;
    static final long INJURY_REPORT = 5;
    static final long PLAY_BY_PLAY = 6;
    static final long GAME_LINES = 7;

    private RawLoads() {}

    /** The draws of how one raw table's rows of one game were loaded. */
    static SplittableRandom random(long seed, long table, DemoGame game)
    {
        return Seeds.random(seed, Purpose.RAW_LOADS, table, Long.parseLong(game.nbaGameId()));
    }

    /** A load some hours after the game: the morning after, give or take. */
    static Instant afterGame(Instant tipOff, SplittableRandom random)
    {
        return tipOff.plusSeconds(3 * 3600 + random.nextInt(9 * 3600));
    }

    /** game_date_est as a row written at {@code processedAt} holds it. */
    static Instant storedTipOff(Instant tipOff, Instant processedAt)
    {
        if (!processedAt.isBefore(Schedule.TIP_OFF_STORED_AS_UTC_UNTIL)) {
            return tipOff;
        }
        return LocalDateTime.ofInstant(tipOff, TipOffTimes.EASTERN).toInstant(ZoneOffset.UTC);
    }
}
