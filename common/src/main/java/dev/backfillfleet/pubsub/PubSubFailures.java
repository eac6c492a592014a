package dev.backfillfleet.pubsub;

import com.google.api.gax.rpc.ApiException;
import dev.backfillfleet.domain.ErrorClass;
import dev.backfillfleet.domain.FleetException;

import java.util.concurrent.ExecutionException;

/**
 * Translates Pub/Sub client failures into {@link FleetException}: ABORTED, UNAVAILABLE,
 * DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED and INTERNAL are transient, the rest permanent.
 */
final class PubSubFailures
{
    private PubSubFailures() {}

    static FleetException translate(String operation, Throwable failure)
    {
        Throwable cause = failure;
        while (cause instanceof ExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FleetException fleetException) {
            return fleetException;
        }
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new FleetException(ErrorClass.TRANSIENT, "interrupted during pubsub " + operation, cause);
        }
        for (Throwable current = cause; current != null; current = current.getCause()) {
            if (current instanceof ApiException apiException) {
                ErrorClass errorClass = switch (apiException.getStatusCode().getCode()) {
                    case ABORTED, UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNKNOWN -> ErrorClass.TRANSIENT;
                    case OK, CANCELLED, INVALID_ARGUMENT, NOT_FOUND, ALREADY_EXISTS, PERMISSION_DENIED, FAILED_PRECONDITION,
                            OUT_OF_RANGE, UNIMPLEMENTED, DATA_LOSS, UNAUTHENTICATED -> ErrorClass.PERMANENT;
                };
                return new FleetException(errorClass, "pubsub " + operation + " failed (" + apiException.getStatusCode().getCode() + "): " + apiException.getMessage(), cause);
            }
        }
        return new FleetException(ErrorClass.PERMANENT, "pubsub " + operation + " failed: " + cause, cause);
    }
}
