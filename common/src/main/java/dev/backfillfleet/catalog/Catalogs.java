package dev.backfillfleet.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The table catalog as a process sees it: the built-in tables and the user's, as last applied
 * in the state store. A reading is trusted for {@code maxAge} (a worker meets the catalog for
 * every date; an applied file reaches every worker within that long), and read afresh when a
 * table is not found in it; {@link #fresh()} always reads.
 */
public final class Catalogs
{
    private final CatalogStore store;
    private final List<TableDefinition> builtIns;
    private final Clock clock;
    private final Duration maxAge;
    private TableCatalog cached;
    private Instant readAt = Instant.MIN;
    private boolean previewing;

    public Catalogs(CatalogStore store, List<TableDefinition> builtIns, Clock clock, Duration maxAge)
    {
        this.store = requireNonNull(store, "store is null");
        this.builtIns = List.copyOf(builtIns);
        this.clock = requireNonNull(clock, "clock is null");
        this.maxAge = requireNonNull(maxAge, "maxAge is null");
    }

    /** The catalog, as read at most {@code maxAge} ago. */
    public synchronized TableCatalog current()
    {
        Instant now = clock.instant();
        if (cached == null || readAt.plus(maxAge).isBefore(now)) {
            return fresh();
        }
        return cached;
    }

    /** The catalog read now. */
    public synchronized TableCatalog fresh()
    {
        if (previewing) {
            return cached;
        }
        cached = store.read()
                .map(applied -> TableCatalog.of(builtIns, applied.version(), applied.userTables()))
                .orElseGet(() -> TableCatalog.builtIn(builtIns));
        readAt = clock.instant();
        return cached;
    }

    /**
     * From now on this process sees {@code proposed} as the catalog, without recording it: what a
     * dry run (or the checks before an apply) uses to ask the warehouse about tables that are not
     * applied yet. Nothing is written.
     */
    public synchronized void preview(TableCatalog proposed)
    {
        cached = requireNonNull(proposed, "proposed is null");
        previewing = true;
    }

    /** What applying {@code file} would change, checked against the catalog as it is now. */
    public CatalogChanges plan(CatalogFile file)
    {
        return fresh().apply(file);
    }

    /** Records the catalog {@code changes} make, unless another apply came first (a user error then). */
    public synchronized void record(CatalogChanges changes, String appliedBy)
    {
        TableCatalog after = changes.after();
        store.write(new AppliedCatalog(after.version(), clock.instant(), appliedBy, changes.source(), after.userEntries()));
        cached = after;
        readAt = clock.instant();
        previewing = false;
    }
}
