package dev.backfillfleet.warehouse;

/**
 * The demo league in a warehouse that holds one (the embedded warehouse): seeded on first use
 * unless {@code backfill.demo-data=false}, and written anew on demand.
 */
public interface DemoData
{
    /** Whether the warehouse seeds the demo league on first use (so it holds it beside anything imported). */
    boolean seedsOnFirstUse();

    /** Writes every raw table of the demo league anew. */
    void reseed();
}
