package dev.backfillfleet.coordinator;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRange;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.EnqueuePolicy;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.Lease;
import dev.backfillfleet.domain.WorkItem;
import dev.backfillfleet.embedded.SqliteStateStorage;
import dev.backfillfleet.state.ClaimResult;
import dev.backfillfleet.state.Completion;
import dev.backfillfleet.state.TransitioningStateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes state records in every state straight into an embedded state store, as workers would
 * have left them: a script of "these dates succeeded, these failed with this message...".
 */
public final class KnownStates
        implements AutoCloseable
{
    public static final String RUN_ID = "20240201T000000Z-abc123";

    private final TransitioningStateStore store;

    private KnownStates(TransitioningStateStore store)
    {
        this.store = store;
    }

    public static KnownStates in(Path home)
    {
        return in(home, Clock.systemUTC());
    }

    /** On a clock the test moves, for records whose times matter (which finished first). */
    public static KnownStates in(Path home, Clock clock)
    {
        return new KnownStates(new TransitioningStateStore(SqliteStateStorage.open(home.resolve("state.db"), clock)));
    }

    /**
     * January 2024 of the synthetic table: 10 SUCCEEDED, 2 NO_GAMES, 3 FAILED (one cause), 1 FAILED
     * (another), 2 RUNNING, 4 QUEUED, and 9 dates never enqueued (the 23rd to the 31st).
     */
    public static KnownStates januaryOfSynthetic(Path home)
    {
        KnownStates states = in(home);
        AnalyticsTable table = AnalyticsTable.SYNTHETIC;
        states.succeeded(table, range("2024-01-01", "2024-01-10"), 1, Duration.ofMillis(40));
        states.noGames(table, range("2024-01-11", "2024-01-12"));
        for (LocalDate date : range("2024-01-13", "2024-01-15").dates()) {
            states.failed(table, date, ErrorClass.PERMANENT, "synthetic permanent failure on " + date + " (BACKFILL_SYNTHETIC_FAIL_DATES)");
        }
        states.failed(table, LocalDate.parse("2024-01-16"), ErrorClass.TRANSIENT, "dead-lettered after 5 delivery attempts: timeout calling 'bq-job-1a2b3c4d'");
        states.running(table, range("2024-01-17", "2024-01-18"));
        states.queued(table, range("2024-01-19", "2024-01-22"));
        return states;
    }

    public static DateRange range(String first, String last)
    {
        return DateRange.of(LocalDate.parse(first), LocalDate.parse(last));
    }

    public KnownStates succeeded(AnalyticsTable table, DateRange dates, long rows, Duration duration)
    {
        for (LocalDate date : dates.dates()) {
            store.complete(claim(table, date), new Completion(DateState.SUCCEEDED, rows, rows, duration));
        }
        return this;
    }

    public KnownStates noGames(AnalyticsTable table, DateRange dates)
    {
        for (LocalDate date : dates.dates()) {
            store.complete(claim(table, date), new Completion(DateState.NO_GAMES, 0, 0, Duration.ofMillis(5)));
        }
        return this;
    }

    public KnownStates failed(AnalyticsTable table, LocalDate date, ErrorClass errorClass, String message)
    {
        store.fail(claim(table, date), errorClass, message);
        return this;
    }

    public KnownStates running(AnalyticsTable table, DateRange dates)
    {
        dates.dates().forEach(date -> claim(table, date));
        return this;
    }

    /** Forced again and succeeded again, later: what a re-run of an upstream date leaves. */
    public KnownStates succeededAgain(AnalyticsTable table, LocalDate date, long rows)
    {
        store.enqueue(keys(table, List.of(date)), RUN_ID, EnqueuePolicy.FORCE);
        store.complete(claim(table, date), new Completion(DateState.SUCCEEDED, rows, rows, Duration.ofMillis(30)));
        return this;
    }

    public KnownStates cancelled(AnalyticsTable table, DateRange dates)
    {
        store.cancel(keys(table, dates.dates()), CancelRequest.WHEN_ATTEMPT_ENDS);
        return this;
    }

    /** Claimed by a worker that died at once: RUNNING, with a lease that has already expired. */
    public KnownStates abandoned(AnalyticsTable table, DateRange dates)
    {
        for (LocalDate date : dates.dates()) {
            store.enqueue(keys(table, List.of(date)), RUN_ID, EnqueuePolicy.NORMAL);
            store.claim(new WorkItem(table, date, RUN_ID), "dead-worker-1", Duration.ofMillis(1), 1000);
        }
        return this;
    }

    public KnownStates queued(AnalyticsTable table, DateRange dates)
    {
        store.enqueue(keys(table, dates.dates()), RUN_ID, EnqueuePolicy.NORMAL);
        return this;
    }

    private Lease claim(AnalyticsTable table, LocalDate date)
    {
        store.enqueue(keys(table, List.of(date)), RUN_ID, EnqueuePolicy.NORMAL);
        ClaimResult claim = store.claim(new WorkItem(table, date, RUN_ID), "test-worker-1", Duration.ofMinutes(10), 1000);
        if (claim instanceof ClaimResult.Claimed claimed) {
            return claimed.lease();
        }
        throw new IllegalStateException("could not claim " + table + " " + date + ": " + claim);
    }

    private static List<DateKey> keys(AnalyticsTable table, List<LocalDate> dates)
    {
        return dates.stream().map(date -> new DateKey(table, date)).toList();
    }

    @Override
    public void close()
    {
        store.close();
    }
}
