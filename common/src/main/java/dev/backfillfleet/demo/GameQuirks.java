package dev.backfillfleet.demo;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The realistic gaps of one game's raw data: a team whose box-score row is missing, a team whose
 * box-score row is all zeros, no play-by-play, no game lines. The gamebook is always complete.
 */
public record GameQuirks(Optional<String> missingBoxScoreTeam, Optional<String> zeroedBoxScoreTeam, boolean hasPlayByPlay, boolean hasGameLines)
{
    public static final GameQuirks NONE = new GameQuirks(Optional.empty(), Optional.empty(), true, true);

    public GameQuirks
    {
        requireNonNull(missingBoxScoreTeam, "missingBoxScoreTeam is null");
        requireNonNull(zeroedBoxScoreTeam, "zeroedBoxScoreTeam is null");
    }
}
