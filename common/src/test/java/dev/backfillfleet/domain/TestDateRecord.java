package dev.backfillfleet.domain;

import dev.backfillfleet.state.DateTransitions;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static dev.backfillfleet.domain.DateRecord.MAX_ERROR_MESSAGE_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;

/** A record keeps at most MAX_ERROR_MESSAGE_LENGTH characters of an error, whichever way the error reaches it. */
class TestDateRecord
{
    private static final DateKey KEY = new DateKey(AnalyticsTable.TEAM_OFFENSE, LocalDate.parse("2024-11-01"));
    private static final Instant NOW = Instant.parse("2024-11-02T10:00:00Z");

    @Test
    void aMessageWithinTheBoundIsKeptAsItIs()
    {
        String exactlyTheBound = "x".repeat(MAX_ERROR_MESSAGE_LENGTH);
        assertThat(failedWith("bigquery write failed (503 backendError)").errorMessage()).contains("bigquery write failed (503 backendError)");
        assertThat(failedWith(exactlyTheBound).errorMessage()).contains(exactlyTheBound);
    }

    @Test
    void aLongerMessageKeepsItsHeadAndSaysHowMuchWasCut()
    {
        String head = "bigquery read of nba_raw.nbac_schedule failed (400 invalid): ";
        String message = head + "y".repeat(1_000_000);

        String kept = failedWith(message).errorMessage().orElseThrow();

        assertThat(kept).hasSizeLessThanOrEqualTo(MAX_ERROR_MESSAGE_LENGTH).startsWith(head);
        int cut = Integer.parseInt(kept.replaceAll("(?s).* \\[\\.\\.\\. (\\d+) more characters cut]$", "$1"));
        int headKept = kept.length() - (" [... " + cut + " more characters cut]").length();
        assertThat(headKept + cut).as("what is kept plus what is said to be cut is the whole message").isEqualTo(message.length());
        assertThat(kept.substring(0, headKept)).isEqualTo(message.substring(0, headKept));
    }

    @Test
    void boundingIsIdempotentSoARecordReadBackIsUnchanged()
    {
        DateRecord failed = failedWith("z".repeat(3 * MAX_ERROR_MESSAGE_LENGTH));
        DateRecord readBack = failed.toBuilder().build();
        assertThat(readBack).isEqualTo(failed);
        assertThat(DateRecord.bounded(failed.errorMessage().orElseThrow())).isEqualTo(failed.errorMessage().orElseThrow());
    }

    @Test
    void theCutNeverSplitsASurrogatePair()
    {
        // an emoji (two chars) straddling the cut: it goes whole, not half
        String message = "a".repeat(MAX_ERROR_MESSAGE_LENGTH - 40) + "\uD83D\uDE00".repeat(1_000);
        String kept = DateRecord.bounded(message);
        String head = kept.substring(0, kept.indexOf(" [... "));
        assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
        assertThat(head.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(kept).hasSizeLessThanOrEqualTo(MAX_ERROR_MESSAGE_LENGTH);
    }

    @Test
    void everyTransitionThatRecordsAnErrorIsBounded()
    {
        String huge = "q".repeat(50_000);
        Lease lease = new Lease(KEY, "worker-1", 1, NOW.minusSeconds(5), NOW.plusSeconds(15));
        DateRecord running = DateRecord.builder(KEY, "run-1").state(DateState.RUNNING).attempts(1).lease("worker-1", NOW.plusSeconds(15))
                .startedAt(Optional.of(NOW.minusSeconds(5))).build();

        DateRecord released = DateTransitions.release(Optional.of(running), lease, Optional.of(ErrorClass.TRANSIENT), Optional.of(huge), NOW);
        DateRecord failed = DateTransitions.fail(Optional.of(running), lease, ErrorClass.PERMANENT, huge, NOW);

        assertThat(released.errorMessage().orElseThrow()).hasSizeLessThanOrEqualTo(MAX_ERROR_MESSAGE_LENGTH).endsWith("more characters cut]");
        assertThat(failed.errorMessage().orElseThrow()).hasSizeLessThanOrEqualTo(MAX_ERROR_MESSAGE_LENGTH).endsWith("more characters cut]");
    }

    private static DateRecord failedWith(String message)
    {
        Lease lease = new Lease(KEY, "worker-1", 1, NOW.minusSeconds(5), NOW.plusSeconds(15));
        DateRecord running = DateRecord.builder(KEY, "run-1").state(DateState.RUNNING).attempts(1).lease("worker-1", NOW.plusSeconds(15))
                .startedAt(Optional.of(NOW.minusSeconds(5))).build();
        return DateTransitions.fail(Optional.of(running), lease, ErrorClass.PERMANENT, message, NOW);
    }
}
