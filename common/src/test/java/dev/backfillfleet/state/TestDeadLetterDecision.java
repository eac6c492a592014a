package dev.backfillfleet.state;

import dev.backfillfleet.domain.AnalyticsTable;
import dev.backfillfleet.domain.CancelRequest;
import dev.backfillfleet.domain.DateKey;
import dev.backfillfleet.domain.DateRecord;
import dev.backfillfleet.domain.DateState;
import dev.backfillfleet.domain.ErrorClass;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead-lettered message only proves that its date waited: no record, in any state, is made FAILED by it. */
class TestDeadLetterDecision
{
    private static final DateKey KEY = new DateKey(AnalyticsTable.UPCOMING_PLAYER, LocalDate.parse("2024-11-20"));
    private static final Instant NOW = Instant.parse("2024-11-21T12:00:00Z");

    @Test
    void aDateThatStillNeedsRunningIsPublishedAgainUnchanged()
    {
        DateRecord queued = DateRecord.builder(KEY, "run-1").state(DateState.QUEUED).attempts(2).givenBack(2).build();
        DateRecord abandoned = DateRecord.builder(KEY, "run-1").state(DateState.RUNNING).attempts(1).lease("dead-worker", NOW.minusSeconds(1)).build();

        for (Optional<DateRecord> current : java.util.List.of(Optional.<DateRecord>empty(), Optional.of(queued), Optional.of(abandoned))) {
            DateTransitions.Decided<DeadLetterDecision> decided = DateTransitions.deadLettered(current, NOW);
            assertThat(decided.decision()).as("%s", current).isEqualTo(DeadLetterDecision.PUBLISH_AGAIN);
            assertThat(decided.next()).as("nothing is written for %s", current).isEmpty();
        }
    }

    @Test
    void aLiveLeaseKeepsItsOwnMessage()
    {
        DateRecord running = DateRecord.builder(KEY, "run-1").state(DateState.RUNNING).attempts(1).lease("worker-1", NOW.plusSeconds(1))
                .cancelRequest(Optional.of(CancelRequest.WHEN_ATTEMPT_ENDS)).build();

        DateTransitions.Decided<DeadLetterDecision> decided = DateTransitions.deadLettered(Optional.of(running), NOW);

        assertThat(decided.decision()).isEqualTo(DeadLetterDecision.HELD_BY_LIVE_LEASE);
        assertThat(decided.next()).isEmpty();
    }

    @Test
    void aTerminalDateStaysAsItIs()
    {
        for (DateState state : EnumSet.of(DateState.SUCCEEDED, DateState.NO_GAMES, DateState.FAILED, DateState.CANCELLED)) {
            DateRecord ended = DateRecord.builder(KEY, "run-1").state(state).attempts(1)
                    .error(Optional.of(ErrorClass.PERMANENT), Optional.of("x")).build();
            DateTransitions.Decided<DeadLetterDecision> decided = DateTransitions.deadLettered(Optional.of(ended), NOW);
            assertThat(decided.decision()).as("%s", state).isEqualTo(DeadLetterDecision.ALREADY_TERMINAL);
            assertThat(decided.next()).as("%s", state).isEmpty();
        }
    }

    @Test
    void aDateCancelledWhileItsWorkerDiedIsCancelledNotFailed()
    {
        DateRecord abandoned = DateRecord.builder(KEY, "run-1").state(DateState.RUNNING).attempts(1).lease("dead-worker", NOW.minusSeconds(1))
                .cancelRequest(Optional.of(CancelRequest.WHEN_ATTEMPT_ENDS)).build();

        DateTransitions.Decided<DeadLetterDecision> decided = DateTransitions.deadLettered(Optional.of(abandoned), NOW);

        assertThat(decided.decision()).isEqualTo(DeadLetterDecision.CANCELLED);
        DateRecord next = decided.next().orElseThrow();
        assertThat(next.state()).isEqualTo(DateState.CANCELLED);
        assertThat(next.leaseOwner()).isEmpty();
        assertThat(next.finishedAt()).contains(NOW);
    }
}
