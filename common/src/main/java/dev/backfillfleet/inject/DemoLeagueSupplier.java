package dev.backfillfleet.inject;

import dev.backfillfleet.demo.DemoLeague;

import java.util.function.Supplier;

/** Generates the demo league once per process, on first need (it takes a second or two). */
final class DemoLeagueSupplier
        implements Supplier<DemoLeague>
{
    private DemoLeague league;

    @Override
    public synchronized DemoLeague get()
    {
        if (league == null) {
            league = DemoLeague.generate();
        }
        return league;
    }
}
