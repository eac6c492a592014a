package dev.backfillfleet.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The durable state of one (table, date): the distributed checkpoint. Optional fields are
 * empty until the state machine reaches the point that sets them.
 *
 * @param attempts claims of the date so far (each a new lease)
 * @param givenBack of those, the ones given back unfinished through no fault of the date
 *         (shutdown, a broken environment): they do not use up the attempt budget
 * @param errorMessage the last error, at most {@link #MAX_ERROR_MESSAGE_LENGTH} characters: a longer
 *         one is cut, saying how much was cut
 * @param cancelRequest an operator's cancel that found the date RUNNING, until the attempt ends
 * @param definitionVersion the version of the table's catalog definition that computed the date
 *         (0 for a built-in table), set when it is done: a done date of an older version is STALE
 */
public record DateRecord(
        DateKey key,
        DateState state,
        int attempts,
        int givenBack,
        String runId,
        Optional<String> leaseOwner,
        Optional<Instant> leaseExpiresAt,
        Optional<Instant> queuedAt,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<Long> rowsWritten,
        Optional<Long> rowsExpected,
        Optional<Duration> duration,
        Optional<ErrorClass> errorClass,
        Optional<String> errorMessage,
        Optional<CancelRequest> cancelRequest,
        Optional<Long> definitionVersion)
{
    /**
     * The longest error message a record keeps. A failure's text can hold a whole HTTP body or a
     * chain of causes; every store keeps the record as one row or document (a Firestore document
     * holds at most 1 MiB: https://cloud.google.com/firestore/quotas#limits), and `failed`, the
     * report and the console show it to a person, for whom the head of the text says what failed.
     */
    public static final int MAX_ERROR_MESSAGE_LENGTH = 4_000;

    public DateRecord
    {
        requireNonNull(key, "key is null");
        requireNonNull(state, "state is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(leaseOwner, "leaseOwner is null");
        requireNonNull(leaseExpiresAt, "leaseExpiresAt is null");
        requireNonNull(queuedAt, "queuedAt is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(finishedAt, "finishedAt is null");
        requireNonNull(rowsWritten, "rowsWritten is null");
        requireNonNull(rowsExpected, "rowsExpected is null");
        requireNonNull(duration, "duration is null");
        requireNonNull(errorClass, "errorClass is null");
        requireNonNull(errorMessage, "errorMessage is null");
        errorMessage = errorMessage.map(DateRecord::bounded);
        requireNonNull(cancelRequest, "cancelRequest is null");
        requireNonNull(definitionVersion, "definitionVersion is null");
        if (givenBack < 0 || givenBack > attempts) {
            throw new IllegalArgumentException("givenBack must be between 0 and attempts (" + attempts + "): " + givenBack);
        }
    }

    /**
     * {@code message} if it is at most {@link #MAX_ERROR_MESSAGE_LENGTH} characters long, else its
     * head and a marker saying how many characters were cut, together no longer than that (so a
     * bounded message stays as it is); a surrogate pair is never split.
     */
    static String bounded(String message)
    {
        if (message.length() <= MAX_ERROR_MESSAGE_LENGTH) {
            return message;
        }
        // the marker with the most digits it can have, so that head plus marker always fit
        int kept = MAX_ERROR_MESSAGE_LENGTH - cutMarker(message.length()).length();
        if (Character.isHighSurrogate(message.charAt(kept - 1))) {
            kept--;
        }
        return message.substring(0, kept) + cutMarker(message.length() - kept);
    }

    private static String cutMarker(int cut)
    {
        return " [... " + cut + " more characters cut]";
    }

    /** A RUNNING record whose lease is still live at {@code now}. */
    public boolean isLeasedAt(Instant now)
    {
        return state == DateState.RUNNING && leaseExpiresAt.map(now::isBefore).orElse(false);
    }

    /** The attempts that count against the budget: claims not given back. */
    public int attemptsUsed()
    {
        return attempts - givenBack;
    }

    /** A new record of {@code key}, PENDING, for {@code runId}. */
    public static Builder builder(DateKey key, String runId)
    {
        return new Builder(new DateRecord(key, DateState.PENDING, 0, 0, runId, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()));
    }

    public Builder toBuilder()
    {
        return new Builder(this);
    }

    /** Changes a record field by field; what is not set stays as it was. */
    public static final class Builder
    {
        private DateKey key;
        private DateState state;
        private int attempts;
        private int givenBack;
        private String runId;
        private Optional<String> leaseOwner;
        private Optional<Instant> leaseExpiresAt;
        private Optional<Instant> queuedAt;
        private Optional<Instant> startedAt;
        private Optional<Instant> finishedAt;
        private Optional<Long> rowsWritten;
        private Optional<Long> rowsExpected;
        private Optional<Duration> duration;
        private Optional<ErrorClass> errorClass;
        private Optional<String> errorMessage;
        private Optional<CancelRequest> cancelRequest;
        private Optional<Long> definitionVersion;

        private Builder(DateRecord record)
        {
            key = record.key;
            state = record.state;
            attempts = record.attempts;
            givenBack = record.givenBack;
            runId = record.runId;
            leaseOwner = record.leaseOwner;
            leaseExpiresAt = record.leaseExpiresAt;
            queuedAt = record.queuedAt;
            startedAt = record.startedAt;
            finishedAt = record.finishedAt;
            rowsWritten = record.rowsWritten;
            rowsExpected = record.rowsExpected;
            duration = record.duration;
            errorClass = record.errorClass;
            errorMessage = record.errorMessage;
            cancelRequest = record.cancelRequest;
            definitionVersion = record.definitionVersion;
        }

        public Builder state(DateState value)
        {
            state = value;
            return this;
        }

        public Builder attempts(int value)
        {
            attempts = value;
            return this;
        }

        public Builder givenBack(int value)
        {
            givenBack = value;
            return this;
        }

        public Builder runId(String value)
        {
            runId = value;
            return this;
        }

        public Builder lease(String owner, Instant expiresAt)
        {
            leaseOwner = Optional.of(owner);
            leaseExpiresAt = Optional.of(expiresAt);
            return this;
        }

        public Builder clearLease()
        {
            leaseOwner = Optional.empty();
            leaseExpiresAt = Optional.empty();
            return this;
        }

        public Builder queuedAt(Optional<Instant> value)
        {
            queuedAt = value;
            return this;
        }

        public Builder startedAt(Optional<Instant> value)
        {
            startedAt = value;
            return this;
        }

        public Builder finishedAt(Optional<Instant> value)
        {
            finishedAt = value;
            return this;
        }

        public Builder rows(Optional<Long> written, Optional<Long> expected)
        {
            rowsWritten = written;
            rowsExpected = expected;
            return this;
        }

        public Builder duration(Optional<Duration> value)
        {
            duration = value;
            return this;
        }

        public Builder error(Optional<ErrorClass> errorClassValue, Optional<String> message)
        {
            errorClass = errorClassValue;
            errorMessage = message;
            return this;
        }

        public Builder cancelRequest(Optional<CancelRequest> value)
        {
            cancelRequest = value;
            return this;
        }

        public Builder definitionVersion(Optional<Long> value)
        {
            definitionVersion = value;
            return this;
        }

        public DateRecord build()
        {
            return new DateRecord(key, state, attempts, givenBack, runId, leaseOwner, leaseExpiresAt, queuedAt, startedAt, finishedAt,
                    rowsWritten, rowsExpected, duration, errorClass, errorMessage, cancelRequest, definitionVersion);
        }
    }
}
