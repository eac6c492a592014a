package dev.backfillfleet.domain;

import dev.backfillfleet.domain.EnqueuePolicy.EnqueueDecision;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static dev.backfillfleet.domain.EnqueuePolicy.FORCE;
import static dev.backfillfleet.domain.EnqueuePolicy.NORMAL;
import static dev.backfillfleet.domain.EnqueuePolicy.RETRY_FAILED;
import static org.assertj.core.api.Assertions.assertThat;

class TestEnqueuePolicy
{
    @Test
    void decisionsForEveryState()
    {
        assertThat(NORMAL.decide(Optional.empty())).isEqualTo(EnqueueDecision.QUEUE);
        assertThat(NORMAL.decide(record(DateState.PENDING))).isEqualTo(EnqueueDecision.QUEUE);
        assertThat(NORMAL.decide(record(DateState.QUEUED))).isEqualTo(EnqueueDecision.SKIP_QUEUED);
        assertThat(NORMAL.decide(record(DateState.RUNNING))).isEqualTo(EnqueueDecision.SKIP_RUNNING);
        assertThat(NORMAL.decide(record(DateState.SUCCEEDED))).isEqualTo(EnqueueDecision.SKIP_DONE);
        assertThat(NORMAL.decide(record(DateState.NO_GAMES))).isEqualTo(EnqueueDecision.SKIP_DONE);
        assertThat(NORMAL.decide(record(DateState.FAILED))).as("failed dates are never silently skipped").isEqualTo(EnqueueDecision.QUEUE);
        assertThat(NORMAL.decide(record(DateState.CANCELLED))).as("cancelled dates are queued like pending ones").isEqualTo(EnqueueDecision.QUEUE);
        assertThat(FORCE.decide(record(DateState.CANCELLED))).isEqualTo(EnqueueDecision.QUEUE);

        assertThat(FORCE.decide(record(DateState.SUCCEEDED))).isEqualTo(EnqueueDecision.QUEUE);
        assertThat(FORCE.decide(record(DateState.RUNNING))).isEqualTo(EnqueueDecision.SKIP_RUNNING);
        assertThat(FORCE.decide(record(DateState.QUEUED))).isEqualTo(EnqueueDecision.SKIP_QUEUED);

        assertThat(RETRY_FAILED.decide(record(DateState.FAILED))).isEqualTo(EnqueueDecision.QUEUE);
        assertThat(RETRY_FAILED.decide(record(DateState.SUCCEEDED))).isEqualTo(EnqueueDecision.SKIP_NOT_FAILED);
        assertThat(RETRY_FAILED.decide(Optional.empty())).isEqualTo(EnqueueDecision.SKIP_NOT_FAILED);
        assertThat(RETRY_FAILED.decide(record(DateState.CANCELLED))).as("a cancel is not a failure").isEqualTo(EnqueueDecision.SKIP_NOT_FAILED);
    }

    private static Optional<DateRecord> record(DateState state)
    {
        return Optional.of(DateRecord.builder(new DateKey(AnalyticsTable.TEAM_OFFENSE, LocalDate.parse("2024-11-01")), "run").state(state).attempts(1).build());
    }
}
