package dev.backfillfleet.demo;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One gamebook line. {@code seconds}, {@code stats} and {@code plusMinus} are only meaningful for
 * an active player ({@code stats} and {@code plusMinus} are null otherwise).
 */
public record PlayerGame(
        DemoPlayer player,
        PlayerStatus status,
        boolean starter,
        int seconds,
        StatLine stats,
        Integer plusMinus,
        Optional<InjuryListing> listing)
{
    public PlayerGame
    {
        requireNonNull(player, "player is null");
        requireNonNull(status, "status is null");
        requireNonNull(listing, "listing is null");
        boolean active = status == PlayerStatus.ACTIVE;
        if (active != (stats != null) || active != (plusMinus != null) || (!active && (starter || seconds != 0))) {
            throw new IllegalArgumentException("stats must be present exactly for active players: " + player.name());
        }
    }

    public boolean isActive()
    {
        return status == PlayerStatus.ACTIVE;
    }

    /** "MM:SS", e.g. "34:07"; null unless active. */
    public String minutes()
    {
        return isActive() ? GameClock.format(seconds) : null;
    }
}
