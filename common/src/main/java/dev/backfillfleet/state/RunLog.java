package dev.backfillfleet.state;

import dev.backfillfleet.domain.BackfillRun;

import java.util.List;
import java.util.Optional;

/**
 * The backfill runs operators started (enqueue, run, retry), each recorded once, before its
 * dates are queued under its id. What a run adds up to is counted from those dates
 * ({@link StateStore#summarizeRun}), never kept here.
 */
public interface RunLog
{
    void recordRun(BackfillRun run);

    /** The latest runs, newest first. */
    List<BackfillRun> runs(int limit);

    Optional<BackfillRun> run(String runId);
}
