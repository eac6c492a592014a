package dev.backfillfleet.demo;

import java.time.LocalDate;

/** A best-of-seven series; {@code higher} has home court. */
final class PlayoffSeries
{
    private final int round;
    private final int conference;
    private final int slot;
    private final String higher;
    private final String lower;
    private int higherWins;
    private int lowerWins;
    private LocalDate next;
    private LocalDate last;

    PlayoffSeries(int round, int conference, int slot, String higher, String lower, LocalDate next)
    {
        this.round = round;
        this.conference = conference;
        this.slot = slot;
        this.higher = higher;
        this.lower = lower;
        this.next = next;
    }

    int round()
    {
        return round;
    }

    /** 0 for the East, 1 for the West. */
    int conference()
    {
        return conference;
    }

    /** The position in the conference's bracket for this round. */
    int slot()
    {
        return slot;
    }

    /** The team with home court (games 1, 2, 5 and 7). */
    String higher()
    {
        return higher;
    }

    String lower()
    {
        return lower;
    }

    /** The earliest date of the next game. */
    LocalDate next()
    {
        return next;
    }

    void nextGameOn(LocalDate date)
    {
        next = date;
    }

    /** The date of the latest game. */
    LocalDate last()
    {
        return last;
    }

    /** The series digit of the game id: 0-7 in round 1, 0-3 in round 2, 0-1 in round 3, 0 in the Finals. */
    int globalIndex()
    {
        return switch (round) {
            case 1 -> conference * 4 + slot;
            case 2 -> conference * 2 + slot;
            case 3 -> conference;
            default -> 0;
        };
    }

    int played()
    {
        return higherWins + lowerWins;
    }

    void record(String winner, LocalDate day)
    {
        if (winner.equals(higher)) {
            higherWins++;
        }
        else {
            lowerWins++;
        }
        last = day;
    }

    boolean isOver()
    {
        return higherWins == 4 || lowerWins == 4;
    }

    String winner()
    {
        return higherWins == 4 ? higher : lower;
    }
}
