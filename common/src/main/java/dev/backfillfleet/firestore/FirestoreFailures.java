package dev.backfillfleet.firestore;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.firestore.FirestoreException;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;
import dev.backfillfleet.support.CredentialsHelp;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Translates Firestore client failures into {@link FleetException} at the port boundary:
 * ABORTED (contention), UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED are transient;
 * PERMISSION_DENIED, UNAUTHENTICATED, a database that does not exist (NOT_FOUND) and a query
 * without its composite index (FAILED_PRECONDITION "The query requires an index") are the
 * environment's fault; everything else permanent. The original failure stays the cause.
 * (https://cloud.google.com/firestore/docs/understand-error-codes)
 */
final class FirestoreFailures
{
    private static final Pattern CLASS_PREFIX = Pattern.compile(
            "^(?:(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error): )?(?:[A-Z][A-Z_]{3,}: )?");

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
        String message = withoutClassName(String.valueOf(cause.getMessage()));
        if (code.isPresent()) {
            Optional<FleetException> environment = environment(operation, code.get(), message, cause);
            if (environment.isPresent()) {
                return environment.get();
            }
        }
        if (mentionsMissingCredentials(cause)) {
            return FleetException.environment("Firestore " + operation + ": no Google credentials found; " + CredentialsHelp.FIX, cause);
        }
        ErrorClass errorClass = code.map(FirestoreFailures::classify).orElse(ErrorClass.PERMANENT);
        return new FleetException(errorClass, "firestore " + operation + " failed" + code.map(c -> " (" + c + ")").orElse("") + ": " + message, cause);
    }

    private static Optional<FleetException> environment(String operation, Status.Code code, String message, Throwable cause)
    {
        return switch (code) {
            case PERMISSION_DENIED -> Optional.of(FleetException.environment("Firestore " + operation + " is not permitted for this identity (" + message
                    + "); grant it roles/datastore.user (see the README's service account table)", cause));
            case UNAUTHENTICATED -> Optional.of(FleetException.environment("Firestore " + operation + ": no valid credentials (" + message
                    + "); " + CredentialsHelp.FIX, cause));
            case NOT_FOUND -> message.toLowerCase(java.util.Locale.ROOT).contains("database")
                    ? Optional.of(FleetException.environment("Firestore database does not exist (" + message + "); create it with infra/terraform"
                            + " or 'gcloud firestore databases create'", cause))
                    : Optional.empty();
            case FAILED_PRECONDITION -> isMissingIndex(message)
                    ? Optional.of(FleetException.environment("Firestore " + operation + " needs a composite index that does not exist: run"
                            + " 'coordinator setup --dry-run' for the command that creates it, or deploy " + FirestoreIndexes.INDEX_FILE, cause))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    static boolean isMissingIndex(String message)
    {
        return message.contains("requires an index") || message.contains("requires a COLLECTION") || message.contains("index");
    }

    /**
     * The client's text without the wrapped exception's class and status code in front
     * ("io.grpc.StatusRuntimeException: DEADLINE_EXCEEDED: ..."): our message names the code already,
     * and an operator's log line should say what happened, not which class carried it.
     */
    static String withoutClassName(String message)
    {
        return CLASS_PREFIX.matcher(message).replaceFirst("");
    }

    private static boolean mentionsMissingCredentials(Throwable failure)
    {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (String.valueOf(current.getMessage()).contains("Application Default Credentials")) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
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
