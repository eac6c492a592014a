package dev.backfillfleet.demo;

import dev.backfillfleet.domain.DateRange;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/** A player unavailable for every game of his team from {@code first} to {@code last}. */
public record InjurySpell(String team, String playerLookup, DateRange dates, String reason)
{
    public InjurySpell
    {
        requireNonNull(team, "team is null");
        requireNonNull(playerLookup, "playerLookup is null");
        requireNonNull(dates, "dates is null");
        requireNonNull(reason, "reason is null");
    }

    public boolean covers(LocalDate date)
    {
        return dates.contains(date);
    }
}
