package dev.backfillfleet.firestore;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

/**
 * Translates Firestore client failures into {@link FleetException} at the port boundary:
 * ABORTED (contention), UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED are transient,
 * everything else permanent. The original failure stays the cause.
 */
final class FirestoreFailures
{
    private FirestoreFailures() {}

    /** Unwraps a future's failure; our own exceptions pass through unchanged. */
    static RuntimeException translate(String operation, Throwable failure)
    {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FleetException fleetException) {
            return fleetException;
        }
        if (cause instanceof InterruptedException || cause instanceof CancellationException) {
            Thread.currentThread().interrupt();
            return new FleetException(ErrorClass.TRANSIENT, "interrupted during firestore " + operation, cause);
        }
        Optional<Status.Code> code = statusCode(cause);
        ErrorClass errorClass = code.map(FirestoreFailures::classify).orElse(ErrorClass.PERMANENT);
        return new FleetException(errorClass, "firestore " + operation + " failed" + code.map(c -> " (" + c + ")").orElse("") + ": " + cause.getMessage(), cause);
    }

    static ErrorClass classify(Status.Code code)
    {
        return switch (code) {
            case ABORTED, UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED -> ErrorClass.TRANSIENT;
            case OK, CANCELLED, UNKNOWN, INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED,
                    FAILED_PRECONDITION, OUT_OF_RANGE, UNIMPLEMENTED, INTERNAL, DATA_LOSS, UNAUTHENTICATED -> ErrorClass.PERMANENT;
        };
    }

    static Optional<Status.Code> statusCode(Throwable failure)
    {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof ApiException apiException) {
                return Optional.of(Status.Code.valueOf(apiException.getStatusCode().getCode().name()));
            }
            if (current instanceof FirestoreException firestoreException && firestoreException.getStatus() != null) {
                return Optional.of(firestoreException.getStatus().getCode());
            }
            if (current instanceof StatusRuntimeException statusException) {
                return Optional.of(statusException.getStatus().getCode());
            }
            if (current instanceof StatusException statusException) {
                return Optional.of(statusException.getStatus().getCode());
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return Optional.empty();
    }
}
